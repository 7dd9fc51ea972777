#!/usr/bin/env bash
# Checks the generated code of the span driver's hot loops (SpanDriver.Loop and LightLoop, one per
# kernel and vector width, and InvokeOnce, which computes Loop's two end vectors after its loop)
# under every JIT configuration — tiered compilation with dynamic PGO
# (the runtime's default), DOTNET_TieredPGO=0 and DOTNET_TieredCompilation=0 — and every
# instruction-set setting of CI: no loop may contain a call (a call means the kernel was not
# inlined into its loop, which then runs several times slower). Loop's two calls of InvokeOnce
# follow its loop; InvokeOnce itself must contain no call either. For the windowed backward kernels
# Loop calls WindowedRange instead of its loop, which calls VectorRun (fast path or whole kernel)
# once per run of vectors; VectorRun holds the loop, and must contain no call. The only other calls allowed are the
# software fused multiply-add of Affine's correctly rounded s·x + b on processors without FMA:
# s·x + b is rounded once for any doubles s, x and b, which no split of the product can give;
# and, with 16 vector registers, the rare paths that Core keeps out of line on purpose (its methods
# named …OutOfLine: the lanes that almost no vector holds, the far ranges and tiny-argument series
# that WithRareLanes calls, and SiLU's root neighbourhoods), which inlined raise the register
# pressure and the spills of the whole loop.
# The loops are compiled once, fully optimised, in every configuration; with dynamic PGO on, the
# JIT still lays out their blocks from a synthesized profile, so the script reports (without
# failing) whether the listings are identical; the benchmarks measure whether that matters.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

project=tests/Activations.CrossCheck/Activations.CrossCheck.csproj
out=artifacts/jit-check
rm -rf "$out"
mkdir -p "$out"
dotnet publish "$project" -c Release -o "$out/bin" >/dev/null

isas=("" DOTNET_EnableAVX512=0 DOTNET_EnableAVX2=0 DOTNET_EnableHWIntrinsic=0)
jits=("" DOTNET_TieredPGO=0 DOTNET_TieredCompilation=0)

# The twelve runs each use about one core: two at a time, each with its own listing, output and log.
pids=()
trap '[[ ${#pids[@]} -eq 0 ]] || kill "${pids[@]}" 2>/dev/null || true' EXIT
for isa in "${isas[@]}"; do
  for jit in "${jits[@]}"; do
    name="${isa:-default}${jit:+-$jit}"
    if [[ ${#pids[@]} -ge 2 ]]; then
      wait -n "${pids[@]}" || true
      running=()
      for pid in "${pids[@]}"; do
        if kill -0 "$pid" 2>/dev/null; then running+=("$pid"); fi
      done
      pids=("${running[@]}")
    fi
    (
      code=0
      env ${isa:+"$isa"} ${jit:+"$jit"} DOTNET_JitDisasm='Loop LightLoop InvokeOnce WindowedRange VectorRun' DOTNET_JitDisasmDiffable=1 \
        DOTNET_JitStdOutFile="$out/$name.asm" "$out/bin/Activations.CrossCheck" "$out/$name.bits" >"$out/$name.log" 2>&1 || code=$?
      echo "$code" >"$out/$name.status"
    ) &
    pids+=($!)
  done
done
wait
pids=()

status=0
for isa in "${isas[@]}"; do
  listings=()
  for jit in "${jits[@]}"; do
    name="${isa:-default}${jit:+-$jit}"
    file="$out/$name.asm"
    cat "$out/$name.log"
    if [[ $(cat "$out/$name.status" 2>/dev/null) != 0 ]]; then
      echo "the run ${isa:-default ISA}, ${jit:-default JIT} failed (exit status $(cat "$out/$name.status" 2>/dev/null || echo unknown))" >&2
      status=1
      continue
    fi
    listings+=("$file")
    # Calls per listing, except the allowed software fused multiply-add, Core's out-of-line rare
    # paths, Loop's calls of InvokeOnce and WindowedRange, and WindowedRange's of VectorRun.
    bad=$(awk '
      /^; Assembly listing for method/ { method = $0; sub(/.*SpanDriver:/, "", method); sub(/\(.*/, "", method) }
      /^ +call / && !(method ~ /AffineFn/ && /Math:FusedMultiplyAdd/) \
        && !/Activations\.Numerics\.Core`3\[.*\]:[A-Za-z0-9]*OutOfLine[[(]/ \
        && !(method ~ /^Loop\[/ && /SpanDriver:(InvokeOnce|WindowedRange)\[/) \
        && !(method ~ /^WindowedRange\[/ && /SpanDriver:VectorRun\[/) { print method ": " $0 }' "$file" | sort | uniq -c)
    loops=$(grep -c '^; Assembly listing for method' "$file" || true)
    if [[ -n "$bad" ]]; then
      echo "calls left in hot loops (${isa:-default ISA}, ${jit:-default JIT}):" >&2
      echo "$bad" >&2
      status=1
    else
      echo "${isa:-default ISA}, ${jit:-default JIT}: $loops methods (loops and end vectors), no calls but the allowed ones"
    fi
  done
  # The same machine code under every JIT configuration (listings sorted by method).
  for other in "${listings[@]:1}"; do
    if ! cmp -s <(awk '/^; Assembly listing/{m=$0} {print m "\t" $0}' "${listings[0]}" | sort) \
                <(awk '/^; Assembly listing/{m=$0} {print m "\t" $0}' "$other" | sort); then
      echo "note: the listings of $(basename "${listings[0]}" .asm) and $(basename "$other" .asm) differ (block layout)"
    fi
  done
done
[[ $status -eq 0 ]] && echo "jit check: OK"
exit $status
