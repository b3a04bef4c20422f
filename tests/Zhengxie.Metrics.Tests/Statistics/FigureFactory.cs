using Zhengxie.Metrics;

namespace Zhengxie.Metrics.Tests.Statistics;

/// <summary>Builds hand-made figures for one committee and period.</summary>
internal static class FigureFactory
{
    internal static readonly Committee Wudang = Committee.Parse("520112");
    internal static readonly ReportingPeriod Year2022 = ReportingPeriod.CalendarYear(2022);

    internal static Figure Count(string measure, decimal value, Qualifier qualifier = Qualifier.Exact, string unit = "件", string? topic = null, FigureScope scope = FigureScope.Committee, Committee? committee = null, ReportingPeriod? period = null) =>
        new(committee ?? Wudang, period ?? Year2022, new Measure(measure), value, new FigureUnit(unit), qualifier, scope, topic);

    internal static Figure All(string measure, Committee? committee = null) =>
        new(committee ?? Wudang, Year2022, new Measure(measure), null, FigureUnit.Piece, Qualifier.All);

    internal static Figure Stated(string rate, decimal percent, Committee? committee = null) =>
        new(committee ?? Wudang, Year2022, new Measure(rate), percent, FigureUnit.Percent, Qualifier.PercentReported);
}
