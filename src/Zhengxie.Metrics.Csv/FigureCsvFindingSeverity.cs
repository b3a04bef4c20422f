namespace Zhengxie.Metrics.Csv;

/// <summary>How serious a <see cref="FigureCsvFinding"/> is.</summary>
public enum FigureCsvFindingSeverity
{
    /// <summary>The row (or the file) cannot be read as figures; the row is not loaded.</summary>
    Error = 0,

    /// <summary>Something worth a look that does not stop the row from loading (an unknown column, a repeated identical row).</summary>
    Warning = 1,
}
