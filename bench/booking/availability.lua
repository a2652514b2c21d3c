-- wrk script for bench/booking.sh: GET /availability of one facility-month,
-- counting statuses; done() prints p50/p99 in ms for booking.sh to read.
-- AVAIL_DELAY_MS (default 4) is each connection's pause between reads, so
-- the reads are a steady stream (at most connections x 1000/delay per second)
-- measured under the booking load, not a second load saturating the cores;
-- 0 reads flat out. wrk's latency excludes the pause.
local pause = tonumber(os.getenv("AVAIL_DELAY_MS") or "4")
local threads = {}
function delay() return pause end
function setup(thread) table.insert(threads, thread) end
function init(args) counts = {} stats = "" end
function response(status, headers, body)
   counts[status] = (counts[status] or 0) + 1
   local parts = {}
   for k, v in pairs(counts) do parts[#parts + 1] = "status_" .. k .. "=" .. v end
   stats = table.concat(parts, " ")
end
function done(summary, latency, requests)
   local total = {}
   for _, thread in ipairs(threads) do
      for k, v in (thread:get("stats") or ""):gmatch("([%w_]+)=(%d+)") do total[k] = (total[k] or 0) + tonumber(v) end
   end
   for k, v in pairs(total) do io.write(string.format("count %s %d\n", k, v)) end
   io.write(string.format("latency p50_ms %.3f p99_ms %.3f max_ms %.3f\n",
      latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
   io.write(string.format("duration_s %.3f\n", summary.duration / 1e6))
end
