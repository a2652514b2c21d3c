-- wrk script for bench/refusals.sh: POST /bookings that are all refused for
-- reasons a read snapshot can decide (the cases of bench/refusals/seed.py,
-- REFUSAL_DATA), sent in turn, each with its own Idempotency-Key. Latency
-- per case (bench/lib/wrkstats.lua) and counts: "<code>_ok" when the answer
-- has the case's status and code, "<code>_wrong_<status>_<code>" otherwise.
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local stats = dofile(here .. "../lib/wrkstats.lua")
local data = dofile(os.getenv("REFUSAL_DATA"))
local cases = data.cases
-- Kinds in X-Request-Id are letters only: case n is the n-th letter.
local letters = "abcdefghijklmnopqrstuvwxyz"
local by_letter = {}
for n, case in ipairs(cases) do
   by_letter[letters:sub(n, n)] = case
   case.ok = case.code .. "_ok"
end

function setup(thread) stats.setup(thread) end

function init(args)
   stats.init()
   serial = tid - 1
   -- Each case's request around its two changing headers, built once (wrk.format builds it anew every time).
   local key = "Idempotency-Key: refusal-" .. os.time() .. "-" .. tid .. "-"
   heads, tails = {}, {}
   for n, case in ipairs(cases) do
      heads[n] = "POST /bookings HTTP/1.1\r\nHost: " .. wrk.headers["Host"] .. "\r\nAuthorization: Bearer " .. data.staff ..
         "\r\nContent-Type: application/json\r\nContent-Length: " .. #case.body .. "\r\n" .. key
      tails[n] = "\r\n\r\n" .. case.body
   end
end

function request()
   serial = serial + 1
   local n = serial % #cases + 1
   return heads[n] .. serial .. "\r\nX-Request-Id: " .. stats.stamp(letters:sub(n, n)) .. tails[n]
end

function response(status, headers, body)
   local kind = stats.record(headers)
   local case = kind and by_letter[kind]
   if not case then
      stats.bump("unmatched_" .. status)
      return
   end
   local code = body:match('"code":"([%w_]+)"') or "none"
   if status == case.status and code == case.code then
      stats.bump(case.ok)
   else
      stats.bump(case.code .. "_wrong_" .. status .. "_" .. code)
   end
end

function done(summary, latency, requests)
   for n, case in ipairs(cases) do io.write(string.format("case %s %s\n", letters:sub(n, n), case.code)) end
   stats.done(summary)
end
