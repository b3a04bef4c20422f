using System;
using System.Globalization;
using System.Text;

namespace Zhengxie.Metrics.Csv;

/// <summary>
/// One problem found in a figures CSV file: where (line and column), how serious, and what, in words.
/// Immutable and thread-safe; equality compares every field.
/// </summary>
public sealed class FigureCsvFinding : IEquatable<FigureCsvFinding>
{
    /// <summary>Creates a finding.</summary>
    /// <param name="line">The 1-based physical line the row starts on (1 is the header); 0 for the file as a whole.</param>
    /// <param name="column">The column's name, or <see langword="null"/> for the whole row.</param>
    /// <param name="severity">How serious it is.</param>
    /// <param name="message">What is wrong, in words.</param>
    /// <exception cref="ArgumentOutOfRangeException">The line is negative.</exception>
    /// <exception cref="ArgumentException">The message is empty.</exception>
    public FigureCsvFinding(int line, string? column, FigureCsvFindingSeverity severity, string message)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(line);
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        Line = line;
        Column = string.IsNullOrEmpty(column) ? null : column;
        Severity = severity;
        Message = message;
    }

    /// <summary>Gets the 1-based physical line the row starts on (1 is the header), or 0 for the file as a whole.</summary>
    public int Line { get; }

    /// <summary>Gets the column's name (<c>value</c>), or <see langword="null"/> when the finding concerns the whole row.</summary>
    public string? Column { get; }

    /// <summary>Gets how serious the finding is.</summary>
    public FigureCsvFindingSeverity Severity { get; }

    /// <summary>Gets a value indicating whether this is an error (the row is not loaded).</summary>
    public bool IsError => Severity == FigureCsvFindingSeverity.Error;

    /// <summary>Gets what is wrong, in words.</summary>
    public string Message { get; }

    /// <inheritdoc />
    public bool Equals(FigureCsvFinding? other) =>
        other is not null && Line == other.Line && string.Equals(Column, other.Column, StringComparison.Ordinal)
        && Severity == other.Severity && string.Equals(Message, other.Message, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as FigureCsvFinding);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Line, Column, Severity, Message);

    /// <summary>Formats as <c>line 5, column value: error: 'abc' is not a number.</c></summary>
    /// <returns>The text, culture-invariant.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(Line == 0 ? "file" : "line " + Line.ToString(CultureInfo.InvariantCulture));
        if (Column is not null)
        {
            text.Append(", column ").Append(Column);
        }

        return text.Append(": ").Append(IsError ? "error: " : "warning: ").Append(Message).ToString();
    }
}
