using System;
using System.Globalization;
using CsCheck;
using FluentAssertions;
using Xunit;

namespace Zhengxie.Metrics.Tests.Regions;

public class RegionCodeTest
{
    [Theory]
    [InlineData("330324", 330324)]
    [InlineData("110000", 110000)]
    [InlineData("999999", 999999)]
    public void Parses_six_digits(string text, int value)
    {
        RegionCode.Parse(text).Value.Should().Be(value);
        RegionCode.TryParse(text, out var code).Should().BeTrue();
        code.Value.Should().Be(value);
        code.ToString().Should().Be(text);
    }

    [Theory]
    [InlineData("33032")]
    [InlineData("3303240")]
    [InlineData("abcdef")]
    [InlineData("000000")]
    [InlineData("099999")]
    [InlineData("109999")]
    [InlineData("")]
    [InlineData(" 330324")]
    [InlineData("330324 ")]
    [InlineData("+33032")]
    [InlineData("-33032")]
    [InlineData("33 324")]
    [InlineData("３３０３２４")]
    [InlineData("٣٣٠٣٢٤")]
    public void Rejects_bad_input(string text)
    {
        RegionCode.TryParse(text, out var code).Should().BeFalse();
        code.IsDefault.Should().BeTrue();
        FluentActions.Invoking(() => RegionCode.Parse(text)).Should().Throw<FormatException>();
    }

    [Fact]
    public void Parse_null_throws()
    {
        FluentActions.Invoking(() => RegionCode.Parse(null!)).Should().Throw<ArgumentNullException>();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(33032)]
    [InlineData(109999)]
    [InlineData(1000000)]
    [InlineData(-330324)]
    public void Constructor_rejects_values_out_of_range(int value)
    {
        FluentActions.Invoking(() => new RegionCode(value)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Default_is_not_a_code()
    {
        default(RegionCode).IsDefault.Should().BeTrue();
        default(RegionCode).ToString().Should().Be("000000");
        new RegionCode(110000).IsDefault.Should().BeFalse();
    }

    [Theory]
    [InlineData(330000, AdministrativeLevel.Province, 330000)]
    [InlineData(330300, AdministrativeLevel.Prefecture, 330000)]
    [InlineData(330324, AdministrativeLevel.County, 330000)]
    [InlineData(429004, AdministrativeLevel.County, 420000)]
    [InlineData(110101, AdministrativeLevel.County, 110000)]
    public void Shape_gives_nominal_level_and_province(int value, AdministrativeLevel level, int province)
    {
        var code = new RegionCode(value);
        code.NominalLevel.Should().Be(level);
        code.ProvinceCode.Value.Should().Be(province);
    }

    [Fact]
    public void Formatting_ignores_culture_and_format()
    {
        var code = new RegionCode(330324);
        code.ToString("N0", CultureInfo.GetCultureInfo("de-DE")).Should().Be("330324");
        string.Format(CultureInfo.GetCultureInfo("ar-SA"), "{0}", code).Should().Be("330324");
        $"{code}".Should().Be("330324");
        Span<char> buffer = stackalloc char[6];
        code.TryFormat(buffer, out int written, default, CultureInfo.GetCultureInfo("tr-TR")).Should().BeTrue();
        written.Should().Be(6);
        buffer.ToString().Should().Be("330324");
        code.TryFormat(stackalloc char[5], out _, default, null).Should().BeFalse();
    }

    [Fact]
    public void Equality_and_ordering_are_numeric()
    {
        var a = new RegionCode(330300);
        var b = new RegionCode(330324);
        (a == new RegionCode(330300)).Should().BeTrue();
        (a != b).Should().BeTrue();
        (a < b).Should().BeTrue();
        (a <= b).Should().BeTrue();
        (b > a).Should().BeTrue();
        (b >= a).Should().BeTrue();
        a.CompareTo(b).Should().BeNegative();
        a.Equals((object)new RegionCode(330300)).Should().BeTrue();
        a.Equals((object)330300).Should().BeFalse();
        a.GetHashCode().Should().Be(new RegionCode(330300).GetHashCode());
        ((IComparable)a).CompareTo(null).Should().BePositive();
        FluentActions.Invoking(() => ((IComparable)a).CompareTo(330300)).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Round_trips_every_valid_value()
    {
        Gen.Int[110000, 999999].Sample(v =>
        {
            var code = new RegionCode(v);
            var text = code.ToString();
            text.Should().HaveLength(6);
            RegionCode.Parse(text).Should().Be(code);
            text.Should().Be(v.ToString(CultureInfo.InvariantCulture));
        });
    }

    [Fact]
    public void Text_round_trips()
    {
        Gen.Int[110000, 999999].Sample(value =>
        {
            var code = new RegionCode(value);
            string text = code.ToString();
            text.Should().Be(value.ToString("D6", CultureInfo.InvariantCulture));
            RegionCode.Parse(text).Should().Be(code);
            RegionCode.TryParse(text, out var parsed).Should().BeTrue();
            parsed.Value.Should().Be(value);
        });
    }
}
