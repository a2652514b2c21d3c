-- wrk script for bench/booking.sh: opening-day POST /bookings from many
-- registrations (their member token or the front desk's staff token), plus
-- a few POST /bookings/{id}/cancel of bookings this thread made.
-- Data from seed.py (BOOKING_DATA=path/to/data.lua). Each thread counts
-- statuses and error codes in response() and done() prints the sums as
-- "count KEY N" lines for booking.sh to read.
local data = dofile(os.getenv("BOOKING_DATA"))
local cancel_share = tonumber(os.getenv("CANCEL_SHARE") or "0.03")
local threads = {}
local popular = {"multipurpose-hall", "gym", "small-gym", "large-meeting-room"}
local others = {"special-meeting-room", "meeting-room-1", "meeting-room-2", "japanese-room", "creative-room",
                "event-corner", "cooking-room"}
local spans = {{"am"}, {"pm"}, {"night"}, {"am", "pm"}, {"pm", "night"}}

function setup(thread)
   thread:set("tid", #threads + 1)
   table.insert(threads, thread)
end

function init(args)
   math.randomseed(tid * 7919 + os.time())
   counts = {}
   booked = {}
   serial = 0
   stats = ""
end

local function bump(key) counts[key] = (counts[key] or 0) + 1 end

local function pick(list) return list[math.random(#list)] end

function request()
   serial = serial + 1
   local key = "bench-" .. tid .. "-" .. os.time() .. "-" .. serial
   if #booked > 0 and math.random() < cancel_share then
      local id = table.remove(booked, math.random(#booked))
      bump("sent_cancel")
      return wrk.format("POST", "/bookings/" .. id .. "/cancel",
         {["Authorization"] = "Bearer " .. data.staff, ["Content-Type"] = "application/json", ["Idempotency-Key"] = key},
         '{"reason":"plans changed"}')
   end
   local reg = pick(data.registrations)
   local inside = data.inside[reg.category]
   local date
   local r = math.random()
   if r < 0.05 then
      date = pick(data.beyond[reg.category])
   elseif r < 0.55 then
      date = inside[math.random(math.max(1, #inside - 30), #inside)]  -- the month that just opened
   else
      date = pick(inside)
   end
   local facility = math.random() < 0.6 and pick(popular) or pick(others)
   local span = pick(spans)
   local divisions = '"' .. table.concat(span, '","') .. '"'
   local body = '{"facility":"' .. facility .. '","date":"' .. date .. '","divisions":[' .. divisions ..
      '],"registration":' .. reg.id .. ',"purpose":"Opening-day seminar","attendees":10,"admission_charged":0,"commercial":false}'
   bump("sent_booking")
   return wrk.format("POST", "/bookings",
      {["Authorization"] = "Bearer " .. reg.token, ["Content-Type"] = "application/json", ["Idempotency-Key"] = key}, body)
end

function response(status, headers, body)
   bump("status_" .. status)
   if status == 201 then
      local id = body:match('[{,]"id":(%d+)')
      if id and #booked < 10000 then table.insert(booked, id) end
      bump("booked")
   elseif status == 200 then
      bump("cancelled")
   else
      local code = body:match('"code":"([%w_]+)"') or "none"
      bump("code_" .. code)
   end
   local parts = {}
   for k, v in pairs(counts) do parts[#parts + 1] = k .. "=" .. v end
   stats = table.concat(parts, " ")
end

function done(summary, latency, requests)
   local total = {}
   for _, thread in ipairs(threads) do
      local s = thread:get("stats") or ""
      for k, v in s:gmatch("([%w_]+)=(%d+)") do total[k] = (total[k] or 0) + tonumber(v) end
   end
   for k, v in pairs(total) do io.write(string.format("count %s %d\n", k, v)) end
   io.write(string.format("latency p50_ms %.3f p99_ms %.3f max_ms %.3f\n",
      latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
   io.write(string.format("duration_s %.3f\n", summary.duration / 1e6))
end
