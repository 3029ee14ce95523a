"""Which routes from North Korea to South Korea were documented in each year, 2000-2025?

Asks every day of every year (a route documented for a single day counts) and prints, per
year, each route with the number of days it was documented. "route unknown" marks the years
in which only counts of arrivals show that some way was used. A year with no line had no
documented route: undocumented, not impossible.
"""

import datetime as dt

import nkasylum as nk

ONE_DAY = dt.timedelta(days=1)

print("year  routes documented on at least one day (days documented)")
for year in range(2000, 2026):
    days: dict[str, int] = {}
    day = dt.date(year, 1, 1)
    while day.year == year:
        for route in nk.routes("KP", "KR", on=day):
            unknown = any(leg.channel is nk.Channel.UNKNOWN_ROUTE for leg in route.legs)
            name = f"{route} (route unknown)" if unknown else str(route)
            days[name] = days.get(name, 0) + 1
        day += ONE_DAY
    listed = "; ".join(f"{name}: {n} d" for name, n in sorted(days.items(), key=lambda kv: (-kv[1], kv[0])))
    print(f"{year}  {listed or '(none documented)'}")
