using System;
using System.Globalization;
using System.Text.Json.Serialization;

namespace Zhengxie.Metrics.Aggregation;

/// <summary>
/// One value of an <see cref="IndicatorTable"/> in long ("tidy") format: a group, a period bucket, a column
/// (a count measure or a rate) and its value with its coverage. A sequence of them
/// (<see cref="IndicatorTable.Observations()"/>) is ready for LINQ and charts.
/// </summary>
/// <remarks>
/// <see cref="Value"/> is the number to plot: an exact sum, or an exact rate as a fraction (0.93 for 93 %);
/// <see langword="null"/> when nobody contributed or the value is only known within bounds (then
/// <see cref="Sum"/> or <see cref="Rate"/> has the bounds). Equality compares every member. Immutable and thread-safe.
/// </remarks>
/// <param name="Group">The group of committees.</param>
/// <param name="Period">The period bucket.</param>
/// <param name="Measure">The column: a count measure (<c>proposals.filed</c>) or a rate (<c>rate.reply</c>).</param>
/// <param name="Sum">The sum of a count measure (<see langword="null"/> for a rate, or when nobody contributed).</param>
/// <param name="Rate">The pooled rate (<see langword="null"/> for a count measure, or when nobody contributed).</param>
/// <param name="Contributors">How many committees contributed.</param>
/// <param name="GroupSize">How many committees the group holds.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public readonly record struct IndicatorObservation(
    [property: JsonPropertyName("group"), JsonRequired] GroupKey Group,
    [property: JsonPropertyName("period"), JsonRequired] PeriodBucket Period,
    [property: JsonPropertyName("measure"), JsonRequired] Measure Measure,
    [property: JsonPropertyName("sum"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Bounds? Sum,
    [property: JsonPropertyName("rate"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Rate? Rate,
    [property: JsonPropertyName("contributors"), JsonRequired] int Contributors,
    [property: JsonPropertyName("group_size"), JsonRequired] int GroupSize)
{
    /// <summary>Gets a value indicating whether this is a rate.</summary>
    [JsonIgnore]
    public bool IsRate => Measure.IsRate;

    /// <summary>Gets the number to plot: an exact sum, or an exact rate as a fraction; <see langword="null"/> otherwise.</summary>
    [JsonPropertyName("value"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? Value => Sum is { IsExact: true } s ? s.Lower : Rate is { } r ? r.Value : null;

    /// <summary>Gets the coverage as a reader says it: <c>87 of 90 committees</c>.</summary>
    [JsonIgnore]
    public string Coverage => string.Create(CultureInfo.InvariantCulture, $"{Contributors} of {GroupSize} {(GroupSize == 1 ? "committee" : "committees")}");

    /// <summary>Formats as <c>浙江省 2020 proposals.filed = 1234 (87 of 90 committees)</c>, culture-invariant.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        Group.Name + " " + Period.Label + " " + Measure.Id + " = "
        + (Rate is { } r ? r.ToString() : Sum is { } s ? s.ToString() : "-")
        + " (" + Coverage + ")";
}
