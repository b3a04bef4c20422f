#!/usr/bin/env bash
# Runs every benchmark once in BenchmarkDotNet's dry job: it checks they build and run, not their speed.
# ZHENGXIE_BENCH_DRY reaches the benchmark processes through --envVars (BenchmarkDotNet starts one
# process per benchmark); with it set, the synthetic dataset spans 2 years instead of 30, so the whole
# run takes about a minute and a half on 2 cores, most of it the Release build.
set -euo pipefail
cd "$(dirname "$0")/.."
export ZHENGXIE_BENCH_DRY=1
dotnet run -c Release --project benchmarks/Zhengxie.Metrics.Benchmarks -- --filter '*' --job Dry --warmupCount 0 --iterationCount 1 --launchCount 1 --envVars ZHENGXIE_BENCH_DRY:1

# The build comparison (docs/performance.md, "Twelfth session"), on the build just made loaded twice, 10,000 records.
bench_out=benchmarks/Zhengxie.Metrics.Benchmarks/bin/Release/net10.0
dotnet run -c Release --project benchmarks/Zhengxie.Metrics.BuildComparison -- records 10000 4 "$bench_out" "$bench_out"
