using System.Collections.Generic;

namespace Zhengxie.Metrics.Tests.Extraction.Scoring;

/// <summary>Small hand-made gold reports and predictions for the scorer's tests, one per rule.</summary>
internal static class ScoringCases
{
    internal const string Text = "全年收到提案178件，经审查立案176件，占提案总数的98.9%。开展基层协商活动100余场次。提案办复率、满意率均为100%，全部按时办复。";

    internal static GoldFigure Received { get; } = new("proposals.received", 178m, "件", "exact", "收到提案178件", "committee");

    internal static GoldFigure Filed { get; } = new("proposals.filed", 176m, "件", "exact", "立案176件", "committee");

    /// <summary>A share beside a count, gold-annotated with the count's measure and unit %.</summary>
    internal static GoldFigure FiledShare { get; } = new("proposals.filed", 98.9m, "%", "percent_reported", "占提案总数的98.9%", "committee");

    internal static GoldFigure Consultations { get; } = new("activity.consultation.grassroots", 100m, "场次", "more_than", "开展基层协商活动100余场次", "committee");

    internal static GoldFigure ReplyRate { get; } = new("rate.reply", 100m, "%", "percent_reported", "提案办复率、满意率均为100%", "committee");

    internal static GoldFigure SatisfactionRate { get; } = new("rate.satisfaction", 100m, "%", "percent_reported", "提案办复率、满意率均为100%", "committee");

    internal static GoldFigure AllReplied { get; } = new("proposals.replied", null, "件", "all", "全部按时办复", "committee");

    internal static GoldReport Report(params GoldFigure[] figures) => new("case", Text, figures, []);

    internal static GoldFigure With(this GoldFigure f, string? indicator = null, decimal? value = null, string? unit = null, string? qualifier = null, string? quote = null) =>
        f with
        {
            Indicator = indicator ?? f.Indicator,
            Value = value ?? f.Value,
            Unit = unit ?? f.Unit,
            Qualifier = qualifier ?? f.Qualifier,
            Quote = quote ?? f.Quote,
        };

    /// <summary>Every case as (name, gold report, predictions), for the comparison with the python scorer.</summary>
    internal static IEnumerable<(GoldReport Gold, IReadOnlyList<GoldFigure> Predicted)> All()
    {
        GoldReport Named(string id, params GoldFigure[] figures) => new(id, Text, figures, []);

        yield return (Named("match", Received, Filed), [Filed, Received]);
        yield return (Named("wrong-unit", Received), [Received.With(unit: "次")]);
        yield return (Named("quote-elsewhere", Filed), [Filed.With(quote: "开展基层协商活动"), Filed.With(quote: "立案177件")]);
        yield return (Named("share-as-rate", FiledShare), [FiledShare.With(indicator: "rate.acceptance", quote: "98.9%")]);
        yield return (Named("share-as-share", FiledShare), [FiledShare.With(indicator: "share.proposals.filed")]);
        yield return (Named("share-wrong-rate", FiledShare), [FiledShare.With(indicator: "rate.reply")]);
        yield return (Named("family", Consultations), [Consultations.With(indicator: "activity.consultation", unit: "场")]);
        yield return (Named("other-family", Consultations), [Consultations.With(indicator: "output.suggestions")]);
        yield return (Named("null-value", AllReplied, Filed), [AllReplied, Filed.With(qualifier: "all")]);
        yield return (Named("greedy", ReplyRate, SatisfactionRate), [SatisfactionRate, ReplyRate]);
        yield return (Named("tolerance", FiledShare), [FiledShare.With(value: 98.9000001m), FiledShare.With(value: 98.91m)]);
        yield return (Named("full-width", Filed), [Filed.With(quote: "立案１７６件")]);
        yield return (Named("nothing-predicted", Received, Filed), []);
    }
}
