#!/usr/bin/env python3
"""Where the bytes of a shaded jar go: compressed bytes per dependency and per package.

Usage (from the repository root, after `mvn -o package -pl core,infrastructure,functions -DskipTests`):

    nice -n 19 mvn -o -B -q dependency:build-classpath -pl functions \
        -Dmdep.includeScope=runtime -Dmdep.outputFile=/tmp/functions.cp
    python3 benchmarks/scripts/jar-size.py functions/target/studio-booking-functions.jar /tmp/functions.cp

Each entry of the shaded jar is attributed to the first dependency jar on the classpath that holds the
same path (the project's own classes to "studio-booking"); figures are the entries' compressed sizes as
stored in the jar (zip local headers and the central directory are not counted, so the total is a little
under the file size). With `--packages PREFIX` it also lists the biggest packages under PREFIX.
"""
import argparse
import collections
import os
import zipfile


def artifact_name(path):
    # ~/.m2/repository/group/parts/artifact/version/artifact-version.jar -> artifact
    parts = path.split(os.sep)
    return parts[-3] if len(parts) >= 3 else os.path.basename(path)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("jar")
    ap.add_argument("classpath", nargs="?", help="file with the runtime classpath (':'-separated)")
    ap.add_argument("--packages", action="append", default=[], help="also list packages under this prefix")
    ap.add_argument("--depth", type=int, default=3, help="package depth for --packages")
    ap.add_argument("--top", type=int, default=20)
    args = ap.parse_args()

    owner = {}
    if args.classpath:
        with open(args.classpath) as f:
            for path in f.read().strip().split(":"):
                if path.endswith(".jar") and os.path.exists(path):
                    name = artifact_name(path)
                    with zipfile.ZipFile(path) as z:
                        for n in z.namelist():
                            owner.setdefault(n, name)

    by_artifact = collections.Counter()
    count = collections.Counter()
    by_package = collections.Counter()
    total = 0
    with zipfile.ZipFile(args.jar) as z:
        infos = [i for i in z.infolist() if not i.is_dir()]
    for i in infos:
        total += i.compress_size
        if i.filename.startswith("com/studiobooking/"):
            a = "studio-booking"
        else:
            a = owner.get(i.filename, "(other: " + "/".join(i.filename.split("/")[:2]) + ")")
        by_artifact[a] += i.compress_size
        count[a] += 1
        for prefix in args.packages:
            if i.filename.startswith(prefix):
                pkg = "/".join(i.filename.split("/")[:args.depth])
                by_package[pkg] += i.compress_size

    mib = 1024 * 1024
    print(f"{args.jar}: {os.path.getsize(args.jar):,} bytes on disk, {len(infos):,} entries, "
          f"{total:,} bytes compressed")
    print(f"| {'dependency':<34} | {'entries':>7} | {'compressed bytes':>16} | {'MiB':>5} |")
    print(f"|{'-' * 36}|{'-' * 8}:|{'-' * 17}:|{'-' * 6}:|")
    for a, b in by_artifact.most_common(args.top):
        print(f"| {a:<34} | {count[a]:>7,} | {b:>16,} | {b / mib:>5.1f} |")
    rest = by_artifact.most_common()[args.top:]
    if rest:
        b = sum(v for _, v in rest)
        print(f"| {'(' + str(len(rest)) + ' more)':<34} | {sum(count[a] for a, _ in rest):>7,} | {b:>16,} | {b / mib:>5.1f} |")
    if by_package:
        print()
        print(f"| {'package':<40} | {'compressed bytes':>16} |")
        print(f"|{'-' * 42}|{'-' * 17}:|")
        for p, b in by_package.most_common(args.top):
            print(f"| {p:<40} | {b:>16,} |")


if __name__ == "__main__":
    main()
