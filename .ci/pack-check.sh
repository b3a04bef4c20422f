#!/usr/bin/env bash
# Packs the library, restores the package into a fresh console project from a local folder, and
# runs a few lines of the public API against it: the package a user installs must work.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
version="0.1.0-ci.$(date +%s)"

dotnet pack src/Zhengxie.Metrics -c Release -o "$work/feed" -p:Version="$version" --verbosity quiet
ls "$work/feed"
test -f "$work/feed/Zhengxie.Metrics.$version.nupkg"
test -f "$work/feed/Zhengxie.Metrics.$version.snupkg"

# The package carries the README, the licence, the XML docs and the notices of the region table and of the OpenCC character table.
unzip -l "$work/feed/Zhengxie.Metrics.$version.nupkg" > "$work/contents.txt"
for f in README.md LICENSE notices/regions/LICENSE-source.txt notices/regions/README.md notices/opencc/LICENSE.txt notices/opencc/README.md lib/net8.0/Zhengxie.Metrics.xml lib/net10.0/Zhengxie.Metrics.xml; do
  grep -q " $f\$" "$work/contents.txt" || { echo "package lacks $f"; exit 1; }
done

mkdir -p "$work/consumer"
cp .ci/consumer/Program.cs "$work/consumer/"
cat > "$work/consumer/Consumer.csproj" <<CSPROJ
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Zhengxie.Metrics" Version="$version" />
  </ItemGroup>
</Project>
CSPROJ
# Keep the consumer out of this repository's Directory.*.props.
echo '<Project></Project>' > "$work/Directory.Build.props"
echo '<Project></Project>' > "$work/Directory.Packages.props"
cat > "$work/nuget.config" <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="local" value="$work/feed" />
  </packageSources>
</configuration>
CONFIG
# The local feed is added to the machine's usual sources, which serve the package's own dependencies.
(cd "$work/consumer" && dotnet restore --verbosity quiet && dotnet run --no-restore)
