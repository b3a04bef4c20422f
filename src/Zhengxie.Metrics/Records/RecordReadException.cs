using System;

namespace Zhengxie.Metrics.Records;

/// <summary>
/// A value of a database row that cannot be a proposal record's field, or a missing or repeated column, found
/// while reading records from an <see cref="System.Data.IDataReader"/>. The message names the column, the row
/// (from 1, in the reader's order) and the record's identifier when they are known.
/// </summary>
public sealed class RecordReadException : FormatException
{
    /// <summary>Creates an exception.</summary>
    /// <param name="message">The message, naming column, row and record.</param>
    /// <param name="column">The column's name, or <see langword="null"/>.</param>
    /// <param name="row">The row (from 1), or 0 when the problem is the columns themselves.</param>
    /// <param name="recordId">The record's identifier, or <see langword="null"/>.</param>
    /// <param name="innerException">The cause, or <see langword="null"/>.</param>
    public RecordReadException(string message, string? column, long row, string? recordId, Exception? innerException = null)
        : base(message, innerException)
    {
        Column = column;
        Row = row;
        RecordId = recordId;
    }

    /// <summary>Creates an exception with a message only.</summary>
    public RecordReadException()
        : this("A proposal record could not be read.", null, 0, null)
    {
    }

    /// <summary>Creates an exception with a message only.</summary>
    /// <param name="message">The message.</param>
    public RecordReadException(string message)
        : this(message, null, 0, null)
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public RecordReadException(string message, Exception innerException)
        : this(message, null, 0, null, innerException)
    {
    }

    /// <summary>Gets the column's name, or <see langword="null"/>.</summary>
    public string? Column { get; }

    /// <summary>Gets the row, from 1 (0 when the problem is the set of columns).</summary>
    public long Row { get; }

    /// <summary>Gets the identifier of the record concerned, or <see langword="null"/>.</summary>
    public string? RecordId { get; }
}
