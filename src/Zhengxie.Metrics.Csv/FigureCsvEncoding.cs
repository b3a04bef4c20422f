namespace Zhengxie.Metrics.Csv;

/// <summary>The character encoding of a figures CSV file.</summary>
public enum FigureCsvEncoding
{
    /// <summary>UTF-8 (the format's encoding; a byte-order mark is allowed). Bytes that are not valid UTF-8 are an error naming their line.</summary>
    Utf8 = 0,

    /// <summary>GB18030 (and so GBK and GB2312, its subsets): what Excel in China saves CSV as. Bytes that are not valid GB18030 are an error.</summary>
    Gb18030 = 1,
}
