using System;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Zhengxie.Metrics.Notebooks.Tests;

/// <summary>
/// Runs the notebooks under the culture named by ZHENGXIE_TEST_CULTURE (zh-CN, de-DE, tr-TR or
/// "invariant"), as .ci/run does for every test project. Without the variable the machine's culture applies.
/// </summary>
internal static class TestCulture
{
    [ModuleInitializer]
    internal static void Apply()
    {
        string? name = Environment.GetEnvironmentVariable("ZHENGXIE_TEST_CULTURE");
        if (string.IsNullOrEmpty(name))
        {
            return;
        }

        var culture = name == "invariant" ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(name);
        CultureInfo.DefaultThreadCurrentCulture = culture;
        CultureInfo.DefaultThreadCurrentUICulture = culture;
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }
}
