#!/usr/bin/env bash
# Proves that the linux-arm64 build computes the same bits as x64. tests/Activations.CrossCheck
# writes every activation's Fn, Grad and Grad2 at a few thousand fixed inputs, through the scalar
# and the span overloads, as raw bit patterns. This script runs it on x64 (by default and with
# AVX-512, AVX2 and all hardware intrinsics turned off) and, published self-contained for
# linux-arm64, under qemu-aarch64 (by default and with intrinsics off), then compares every output
# with the x64 one byte for byte. Fails, naming the first differing activation, kernel and input,
# on any difference. Installs qemu-user and the arm64 C libraries with apt-get when they are
# missing (as root, on Debian).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

project=tests/Activations.CrossCheck/Activations.CrossCheck.csproj
out=artifacts/arm64-check
# One run may not hang CI: natively a run takes about a second, under emulation well under a minute.
run_timeout=600

say() { printf '>> %s\n' "$*"; }

# The arm64 dynamic loader and the libraries the .NET host and runtime link against; with them in
# /lib/aarch64-linux-gnu, qemu-aarch64 finds the loader without -L or QEMU_LD_PREFIX.
arm64_packages=(libc6:arm64 libstdc++6:arm64 libgcc-s1:arm64 zlib1g:arm64)
missing=()
command -v qemu-aarch64 >/dev/null || missing+=(qemu-user)
for package in "${arm64_packages[@]}"; do
  if [[ $(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null || true) != installed ]]; then
    missing+=("$package")
  fi
done
if [[ ${#missing[@]} -gt 0 ]]; then
  say "installing ${missing[*]}"
  if [[ $(id -u) -ne 0 ]]; then
    echo "installing packages needs root; run as root or install: qemu-user ${arm64_packages[*]}" >&2
    exit 1
  fi
  dpkg --print-foreign-architectures | grep -qx arm64 || dpkg --add-architecture arm64
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # qemu-user's recommendations (binfmt registration among them) are not needed: the program is
  # started through qemu-aarch64 explicitly.
  apt-get install -y -qq --no-install-recommends qemu-user "${arm64_packages[@]}" >/dev/null
else
  say "qemu-aarch64 and the arm64 libraries are installed"
fi
qemu-aarch64 --version | head -n 1

say "cleaning $out"
rm -rf "$out"
mkdir -p "$out"

say "publishing $project for this machine (Release)"
dotnet publish "$project" -c Release -o "$out/x64"
say "publishing $project self-contained for linux-arm64 (Release)"
# Only the .NET runtime pack is needed; the switch keeps restore from fetching the ASP.NET one too.
dotnet publish "$project" -c Release -r linux-arm64 --self-contained -o "$out/arm64" \
  -p:DisableTransitiveFrameworkReferenceDownloads=true

runs=()
# run NAME COMMAND...: runs the program with its output file appended to the command.
run() {
  local name=$1
  shift
  say "running $name: $*"
  timeout "$run_timeout" "$@" "$out/$name.txt"
  runs+=("$name")
}

# The two emulated runs take most of the time and use about one core each, so they run side by
# side, while the native runs follow one another.
arm64_pids=()
# If the script stops early, it stops its emulated runs with it.
trap '[[ ${#arm64_pids[@]} -eq 0 ]] || kill "${arm64_pids[@]}" 2>/dev/null || true' EXIT
for variant in arm64 arm64-intrinsics-off; do
  setting=()
  [[ $variant == arm64-intrinsics-off ]] && setting=(DOTNET_EnableHWIntrinsic=0)
  say "running $variant in the background: ${setting[*]} qemu-aarch64 $out/arm64/Activations.CrossCheck"
  timeout "$run_timeout" env "${setting[@]}" qemu-aarch64 "$out/arm64/Activations.CrossCheck" "$out/$variant.txt" \
    >"$out/$variant.log" 2>&1 &
  arm64_pids+=($!)
done

run x64 dotnet "$out/x64/Activations.CrossCheck.dll"
run x64-avx512-off env DOTNET_EnableAVX512=0 dotnet "$out/x64/Activations.CrossCheck.dll"
run x64-avx2-off env DOTNET_EnableAVX2=0 dotnet "$out/x64/Activations.CrossCheck.dll"
run x64-intrinsics-off env DOTNET_EnableHWIntrinsic=0 dotnet "$out/x64/Activations.CrossCheck.dll"

arm64_failed=0
for i in 0 1; do
  variant=$([[ $i -eq 0 ]] && echo arm64 || echo arm64-intrinsics-off)
  if wait "${arm64_pids[$i]}"; then
    say "$variant finished"
  else
    echo "the $variant run failed (exit status $?):" >&2
    arm64_failed=1
  fi
  cat "$out/$variant.log"
  runs+=("$variant")
done
arm64_pids=()
if [[ $arm64_failed -ne 0 ]]; then
  exit 1
fi

reference=$out/x64.txt
if [[ ! -s $reference ]]; then
  echo "the x64 run wrote nothing to $reference" >&2
  exit 1
fi

# first_difference REFERENCE OTHER NAME: prints the first line where the files differ, decoded, and
# how many lines differ.
first_difference() {
  awk -F'\t' -v other="$2" -v name="$3" '
    function describe(line, parts, columns) {
      if (split(line, parts, "\t") < 4) { return "\"" line "\"" }
      split(parts[4], columns, " ")
      return "scalar " columns[1] ", span " columns[2] ", chunked span " columns[3] ", in-place span " columns[4]
    }
    {
      if ((getline theirs < other) <= 0) { theirs = "(end of file)" }
      if ($0 != theirs && count++ == 0) {
        printf "first difference, line %d: %s %s at x = %s (0x%s)\n", NR, $1, $2, $5, $3
        printf "  x64:   %s\n", describe($0)
        printf "  %s: %s\n", name, describe(theirs)
      }
    }
    END {
      while ((getline theirs < other) > 0) { count++ }
      printf "%d of %d lines differ\n", count, NR
    }' "$1"
}

differences=0
lines=$(wc -l <"$reference")
for name in "${runs[@]:1}"; do
  if cmp -s "$reference" "$out/$name.txt"; then
    say "$name: identical to x64 ($lines lines)"
    rm "$out/$name.txt"
  else
    echo "$name differs from x64:" >&2
    first_difference "$reference" "$out/$name.txt" "$name" >&2
    differences=$((differences + 1))
  fi
done

if [[ $differences -gt 0 ]]; then
  echo "arm64 check: $differences of $((${#runs[@]} - 1)) runs differ from x64 (outputs in $out)" >&2
  exit 1
fi
say "arm64 check: all ${#runs[@]} runs gave identical bits ($lines lines each)"
