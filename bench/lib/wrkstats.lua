-- Counts and per-kind latency for wrk scripts (bench/mix, bench/refusals),
-- loaded with dofile() by each script. wrk's own latency histogram mixes
-- every request of a run; this one keeps a histogram per kind of request
-- (a booking, a cancel, each refusal case).
--
-- How: request() names the request's kind and the moment it is written in
-- its X-Request-Id ("b.123456789" — kind, then microseconds of
-- CLOCK_MONOTONIC); the server echoes that header on every answer, so
-- response() knows which request it answers and how long it took, although
-- wrk interleaves many connections in one thread. wrk calls request() just
-- before it writes the request, so the figure is the client's wait, as
-- wrk's own latency is.
--
-- A kind is one letter. Per-thread state is global (counts, histogram), so
-- done() in wrk's main state can read every thread's with thread:get(); the
-- tables are flat (wrk 4.1 crashes copying a table inside a table), the
-- histogram keyed by a number, the kind's byte (0 for every kind together)
-- times 2^20 plus the bucket, so that recording an answer builds no string:
-- this script runs on the same cores as the server it measures, and what it
-- costs per answer is taken from the server (bench/booking-mix.sh and
-- bench/refusals.sh print it). done() prints lines for
-- bench/lib/benchlib.py to read:
--   count KEY N
--   latency KIND count N p50_ms X p99_ms Y max_ms Z
--   duration_s S
local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } wrkstats_timespec;
int clock_gettime(int clock, wrkstats_timespec *tp);
]]
local CLOCK_MONOTONIC = 1
local now = ffi.new("wrkstats_timespec")
local RESOLUTION = 200 -- buckets per factor e: 0.5 % wide

local KIND = 1048576 -- 2^20: a kind's histogram keys are byte * KIND + bucket
local M = {}
local threads = {}

local function micros()
   ffi.C.clock_gettime(CLOCK_MONOTONIC, now)
   return tonumber(now.tv_sec) * 1000000 + math.floor(tonumber(now.tv_nsec) / 1000)
end

-- Call from setup(thread): remembers the thread for done().
function M.setup(thread)
   table.insert(threads, thread)
   thread:set("tid", #threads)
end

-- Call from init(): fresh per-thread tables.
function M.init()
   bench_counts = {}
   bench_hist = {}
   bench_max = {}
end

function M.bump(key, n)
   bench_counts[key] = (bench_counts[key] or 0) + (n or 1)
end

-- The X-Request-Id value for a request of KIND (one letter) written now.
function M.stamp(kind)
   return kind .. "." .. micros()
end

local function tally(key, max_key, us, bucket)
   bench_hist[key + bucket] = (bench_hist[key + bucket] or 0) + 1
   if us > (bench_max[max_key] or 0) then bench_max[max_key] = us end
end

-- Records the answer's latency under its kind and under "all"; returns the kind (nil when
-- the answer carries no stamp of ours).
function M.record(headers)
   local id = headers["X-Request-Id"] or headers["x-request-id"]
   if not id or id:byte(2) ~= 46 then return nil end -- "k.MICROS"
   local sent = tonumber(id:sub(3))
   local byte = id:byte(1)
   if not sent or not byte or byte < 65 or byte > 122 then return nil end
   local us = math.max(1, micros() - sent)
   local bucket = math.floor(math.log(us) * RESOLUTION)
   local kind = id:sub(1, 1)
   tally(byte * KIND, kind, us, bucket)
   tally(0, "all", us, bucket)
   return kind
end

local function percentile(sorted, hist, total, p)
   local goal, seen = total * p / 100, 0
   for _, bucket in ipairs(sorted) do
      seen = seen + hist[bucket]
      if seen >= goal then return math.exp((bucket + 0.5) / RESOLUTION) end
   end
   return 0
end

-- Call from done(summary, latency, requests): sums every thread and prints.
function M.done(summary)
   local counts, hists, maxes = {}, {}, {}
   for _, thread in ipairs(threads) do
      for k, v in pairs(thread:get("bench_counts") or {}) do counts[k] = (counts[k] or 0) + v end
      for key, n in pairs(thread:get("bench_hist") or {}) do
         local byte = math.floor(key / KIND)
         local kind = byte == 0 and "all" or string.char(byte)
         local bucket = key - byte * KIND
         local into = hists[kind] or {}
         hists[kind] = into
         into[bucket] = (into[bucket] or 0) + n
      end
      for kind, us in pairs(thread:get("bench_max") or {}) do
         if us > (maxes[kind] or 0) then maxes[kind] = us end
      end
   end
   for k, v in pairs(counts) do io.write(string.format("count %s %d\n", k, v)) end
   for kind, hist in pairs(hists) do
      local sorted, total = {}, 0
      for bucket, n in pairs(hist) do
         sorted[#sorted + 1] = bucket
         total = total + n
      end
      table.sort(sorted)
      io.write(string.format("latency %s count %d p50_ms %.3f p99_ms %.3f max_ms %.3f\n", kind, total,
         percentile(sorted, hist, total, 50) / 1000, percentile(sorted, hist, total, 99) / 1000, maxes[kind] / 1000))
   end
   io.write(string.format("duration_s %.3f\n", summary.duration / 1e6))
   io.write(string.format("wrk_errors connect %d read %d write %d status %d timeout %d\n", summary.errors.connect,
      summary.errors.read, summary.errors.write, summary.errors.status, summary.errors.timeout))
end

return M
