#!/usr/bin/env bash
# Runs every benchmark once in BenchmarkDotNet's dry job: it checks they build and run, not their speed.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run -c Release --project benchmarks/Zhengxie.Metrics.Benchmarks -- --filter '*' --job Dry --warmupCount 0 --iterationCount 1 --launchCount 1 --envVars ZHENGXIE_BENCH_DRY:1
