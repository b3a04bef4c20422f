using System;
using System.Globalization;
using FluentAssertions;
using Xunit;

namespace Zhengxie.Metrics.Tests;

public class CultureSmokeTest
{
    [Fact]
    public void Culture_named_by_the_environment_is_in_force()
    {
        string? name = Environment.GetEnvironmentVariable("ZHENGXIE_TEST_CULTURE");
        if (string.IsNullOrEmpty(name))
        {
            return;
        }

        CultureInfo.CurrentCulture.Name.Should().Be(name == "invariant" ? string.Empty : name);
        Rate.Of(176, 178).ToString().Should().Be("98.9% (176/178)");
    }
}
