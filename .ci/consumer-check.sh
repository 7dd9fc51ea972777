#!/usr/bin/env bash
# Packs the library (Release) into artifacts/packages, then builds and runs tests/PackageConsumer,
# a console program that takes the library by package id and version from that folder, as a user
# would. Passes when the package has the expected files and the program prints "consumer check: OK".
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

library=src/Activations/Activations.csproj
consumer=tests/PackageConsumer/PackageConsumer.csproj
packages=artifacts/packages
# The consumer restores into its own package folder, emptied on every run, so a copy of the same
# version cached by an earlier run (in ~/.nuget/packages or here) cannot stand in for this build.
consumer_out=artifacts/package-consumer
restored=$consumer_out/nuget-packages

say() { printf '>> %s\n' "$*"; }

version=$(dotnet msbuild "$library" -getProperty:Version)
say "package version (from $library): $version"

say "cleaning $packages and $consumer_out"
rm -rf "$packages" "$consumer_out"

say "packing $library (Release) into $packages"
dotnet pack "$library" -c Release -o "$packages"

for file in "Activations.$version.nupkg" "Activations.$version.snupkg"; do
  if [[ ! -f "$packages/$file" ]]; then
    echo "pack did not produce $packages/$file" >&2
    exit 1
  fi
done

say "building $consumer against package Activations $version"
dotnet build "$consumer" -c Release --packages "$restored" --artifacts-path "$consumer_out" \
  -p:ActivationsVersion="$version"

# NuGet extracts the whole package, so its contents and origin can be checked where it was restored.
extracted=$restored/activations/$version
say "checking the restored package in $extracted"
for file in README.md lib/net10.0/Activations.dll lib/net10.0/Activations.xml; do
  if [[ ! -f "$extracted/$file" ]]; then
    echo "the package lacks $file" >&2
    exit 1
  fi
done
if ! grep -qF "$PWD/$packages" "$extracted/.nupkg.metadata"; then
  echo "Activations $version was not restored from $packages:" >&2
  cat "$extracted/.nupkg.metadata" >&2
  exit 1
fi

say "running the consumer"
output=$(dotnet "$consumer_out/bin/PackageConsumer/release/PackageConsumer.dll" 2>&1) || true
printf '%s\n' "$output"
if ! grep -qx "consumer check: OK" <<<"$output"; then
  echo "the package consumer check failed" >&2
  exit 1
fi
