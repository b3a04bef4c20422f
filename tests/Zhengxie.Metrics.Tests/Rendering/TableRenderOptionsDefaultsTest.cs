using System;
using FluentAssertions;
using Xunit;
using Zhengxie.Metrics.Rendering;

namespace Zhengxie.Metrics.Tests.Rendering;

/// <summary>The documented defaults of a fresh options object (not the shared <see cref="TableRenderOptions.Default"/>, built once per process) and the exact refusals.</summary>
public class TableRenderOptionsDefaultsTest
{
    [Fact]
    public void A_new_options_object_has_the_documented_defaults()
    {
        var options = new TableRenderOptions();
        options.HeaderLanguage.Should().Be(HeaderLanguage.Chinese);
        options.Decimals.Should().Be(1);
        options.PercentRounding.Should().Be(PercentRounding.HalfUp);
        options.ShowFraction.Should().BeTrue();
        options.ShowCoverage.Should().BeTrue();
        options.ShowNotes.Should().BeTrue();
        options.OmitEmptyRows.Should().BeTrue();
        options.OmitEmptyColumns.Should().BeTrue();
        options.Caption.Should().BeNull();
        options.Measures.Should().BeNull();
        options.Rates.Should().BeNull();
        options.Catalog.Should().BeNull();
        options.Regions.Should().BeNull();
        options.Should().Be(TableRenderOptions.Default);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    public void Decimals_from_0_to_10_are_accepted(int decimals)
    {
        (new TableRenderOptions() with { Decimals = decimals }).Decimals.Should().Be(decimals);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public void Decimals_outside_0_to_10_are_refused_with_the_range(int decimals)
    {
        var act = () => new TableRenderOptions() with { Decimals = decimals };
        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("Decimals must be from 0 to 10.*");
    }

    [Theory]
    [InlineData(PercentRounding.HalfUpOrTruncate)]
    [InlineData((PercentRounding)99)]
    public void A_rounding_other_than_half_up_or_truncate_is_refused(PercentRounding rounding)
    {
        var act = () => new TableRenderOptions() with { PercentRounding = rounding };
        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("Formatting needs one rounding convention: HalfUp or Truncate.*");
    }

    [Fact]
    public void Truncate_is_accepted()
    {
        (new TableRenderOptions() with { PercentRounding = PercentRounding.Truncate }).PercentRounding.Should().Be(PercentRounding.Truncate);
    }
}
