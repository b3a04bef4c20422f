using System.Globalization;
using CsCheck;
using FluentAssertions;
using Xunit;

namespace Zhengxie.Metrics.Tests.Model;

public class RegionCodeTest
{
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
