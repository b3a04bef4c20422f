using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace Zhengxie.Metrics.Csv;

/// <summary>
/// The long CSV format of figures, one figure a row, as <c>docs/csv-format.md</c> documents it: UTF-8
/// (a byte-order mark is allowed), RFC 4180 quoting, and the header
/// <c>committee,period,measure,value,unit,qualifier,scope,source</c> with an optional ninth column <c>topic</c>.
/// </summary>
public static class FigureCsvFormat
{
    /// <summary>The <c>committee</c> column: the committee's region code (<c>520112</c>), optionally with its level when it differs from the code's shape (<c>331100/county</c>).</summary>
    public const string CommitteeColumn = "committee";

    /// <summary>The <c>period</c> column: a year (<c>2020</c>), a session (<c>4.4@2020</c>) or "since a session" (<c>11.1+@2022</c>).</summary>
    public const string PeriodColumn = "period";

    /// <summary>The <c>measure</c> column: the measure's identifier, such as <c>proposals.filed</c>.</summary>
    public const string MeasureColumn = "measure";

    /// <summary>The <c>value</c> column: the number as printed, invariant (<c>78.5</c>); empty exactly when the qualifier is <c>all</c>.</summary>
    public const string ValueColumn = "value";

    /// <summary>The <c>unit</c> column: the unit as printed (<c>件</c>, <c>次</c>, <c>万元</c>, <c>%</c>).</summary>
    public const string UnitColumn = "unit";

    /// <summary>The <c>qualifier</c> column: <c>exact</c>, <c>more_than</c>, <c>at_least</c>, <c>nearly</c>, <c>about</c>, <c>all</c> or <c>percent_reported</c>.</summary>
    public const string QualifierColumn = "qualifier";

    /// <summary>The <c>scope</c> column: <c>committee</c> or <c>region_total</c>.</summary>
    public const string ScopeColumn = "scope";

    /// <summary>The <c>source</c> column: free text, usually the verbatim quote; may be empty.</summary>
    public const string SourceColumn = "source";

    /// <summary>The optional <c>topic</c> column: the occasion or subject of one of several figures of a measure in a report; empty for the committee's total.</summary>
    public const string TopicColumn = "topic";

    /// <summary>Gets the eight required columns, in the order the writer writes them.</summary>
    public static IReadOnlyList<string> RequiredColumns { get; } = new ReadOnlyCollection<string>(
    [
        CommitteeColumn, PeriodColumn, MeasureColumn, ValueColumn, UnitColumn, QualifierColumn, ScopeColumn, SourceColumn,
    ]);

    /// <summary>Gets the optional columns (<c>topic</c>).</summary>
    public static IReadOnlyList<string> OptionalColumns { get; } = new ReadOnlyCollection<string>([TopicColumn]);
}
