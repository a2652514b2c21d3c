#!/usr/bin/env bash
# Fuzzes the HTTP request parser with libFuzzer + AddressSanitizer.
# Usage: bench/fuzz-parser.sh [seconds]   (default 60)
# Builds Tests/Fuzz/ParserFuzz.swift with Sources/HTTPServer/Parser and
# Sources/HTTPServer/Message (pure Swift, no CLinux/Glibc/Foundation) into
# .build/fuzz/, seeds .build/fuzz/corpus with valid requests and runs for the
# given time. Crash inputs land in .build/fuzz/ as crash-*.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_RUN="${1:-60}"
OUT=.build/fuzz
CORPUS="$OUT/corpus"
mkdir -p "$OUT" "$CORPUS"

swiftc -sanitize=fuzzer,address -parse-as-library -O -g \
    -module-name ParserFuzz \
    Tests/Fuzz/ParserFuzz.swift Sources/HTTPServer/Parser/*.swift Sources/HTTPServer/Message/*.swift \
    -o "$OUT/parser-fuzz"

seed() { printf "$2" > "$CORPUS/$1"; }
seed get 'GET /health HTTP/1.1\r\nHost: h\r\n\r\n'
seed post-cl 'POST /bookings?x=1&y=a+b HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhello'
seed chunked 'POST /e HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n5;a=b\r\nhello\r\n0\r\nT: v\r\n\r\n'
seed pipelined 'GET /a HTTP/1.1\r\nHost: h\r\n\r\nGET /b%20c HTTP/1.0\r\nConnection: keep-alive\r\n\r\n'
seed expect 'PUT /x HTTP/1.1\r\nHost: [::1]:80\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\nok'
seed absolute 'OPTIONS http://h:8080/p?q HTTP/1.1\r\nHost: h\r\n\r\nOPTIONS * HTTP/1.1\r\nHost: h\r\n\r\n'

"$OUT/parser-fuzz" -max_total_time="$SECONDS_TO_RUN" -max_len=4096 -print_final_stats=1 \
    -artifact_prefix="$OUT/" "$CORPUS"
