using System.Globalization;
using System.Text.Json.Serialization;

namespace Zhengxie.Metrics.Records;

/// <summary>
/// One value of a <see cref="RecordStatisticsTable"/> in long ("tidy") format: a committee (code and name), a period, a
/// measure (a count or a standard rate) and its value. A sequence of them (<see cref="RecordStatisticsTable.Observations()"/>)
/// is ready for LINQ and charts.
/// </summary>
/// <remarks>Equality compares every member. Immutable and thread-safe.</remarks>
/// <param name="Committee">The committee.</param>
/// <param name="CommitteeName">The committee's region name (莲都区), or its code when the region table does not have it.</param>
/// <param name="Period">The period.</param>
/// <param name="Measure">A count measure (<c>proposals.filed</c>) or a rate (<c>rate.reply</c>).</param>
/// <param name="Count">The count (<see langword="null"/> for a rate).</param>
/// <param name="Rate">The rate from the row's counts (<see langword="null"/> for a count).</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public readonly record struct RecordObservation(
    [property: JsonPropertyName("committee"), JsonRequired] Committee Committee,
    [property: JsonPropertyName("committee_name"), JsonRequired] string CommitteeName,
    [property: JsonPropertyName("period"), JsonRequired] ReportingPeriod Period,
    [property: JsonPropertyName("measure"), JsonRequired] Measure Measure,
    [property: JsonPropertyName("count"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? Count,
    [property: JsonPropertyName("rate"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Rate? Rate)
{
    /// <summary>Gets the number to plot: the count, or the rate as a fraction (0.93 for 93 %); <see langword="null"/> for a rate with a zero denominator.</summary>
    [JsonPropertyName("value"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? Value => Count is { } c ? c : Rate?.Value;

    /// <summary>Formats as <c>331102 莲都区 2023 proposals.filed = 100</c>, culture-invariant.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        Committee.ToString() + " " + CommitteeName + " " + Period.ToString() + " " + Measure.Id + " = "
        + (Count is { } c ? c.ToString(CultureInfo.InvariantCulture) : Rate?.ToString() ?? "-");
}
