using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Reflection;
using System.Text;

namespace Zhengxie.Metrics.Notebooks.Tests;

/// <summary>
/// The kernel's default display of a value that has no formatter of its own, reproduced closely enough
/// for committed outputs: a sequence as a table (one row per item, one column per property, or a
/// <c>value</c> column), any other object with properties as a one-row table, and text as text. Every
/// value is formatted culture-invariantly, so the outputs are the same under any current culture.
/// </summary>
internal static class DefaultFormatting
{
    internal static string Html(object value)
    {
        if (IsScalar(value))
        {
            return WebUtility.HtmlEncode(Text(value));
        }

        var html = new StringBuilder("<table>");
        if (value is IEnumerable sequence)
        {
            var items = sequence.Cast<object?>().ToList();
            var properties = ColumnsOf(items);
            html.Append("<thead><tr><th><i>index</i></th>");
            AppendHeaders(html, properties);
            html.Append("</tr></thead><tbody>");
            for (int i = 0; i < items.Count; i++)
            {
                html.Append("<tr><td>").Append(i.ToString(CultureInfo.InvariantCulture)).Append("</td>");
                AppendCells(html, items[i], properties);
                html.Append("</tr>");
            }
        }
        else
        {
            var properties = PropertiesOf(value.GetType());
            html.Append("<thead><tr>");
            AppendHeaders(html, properties);
            html.Append("</tr></thead><tbody><tr>");
            AppendCells(html, value, properties);
            html.Append("</tr>");
        }

        return html.Append("</tbody></table>").ToString();
    }

    /// <summary>The plain-text form: <see cref="object.ToString"/> for types that define it, an invariant <c>{ Name = value, … }</c> for anonymous objects, one line per item for a sequence.</summary>
    internal static string Text(object? value)
    {
        switch (value)
        {
            case null:
                return "<null>";
            case string s:
                return s;
            case IFormattable f:
                return f.ToString(null, CultureInfo.InvariantCulture);
            case IEnumerable sequence when !IsScalar(value):
                return string.Join("\n", sequence.Cast<object?>().Select(Text));
        }

        var type = value.GetType();
        if (IsAnonymous(type))
        {
            return "{ " + string.Join(", ", PropertiesOf(type).Select(p => p.Name + " = " + Text(p.GetValue(value)))) + " }";
        }

        return value.ToString() ?? string.Empty;
    }

    private static bool IsScalar(object value) =>
        value is string or IFormattable || value.GetType().IsPrimitive
        || (value is not IEnumerable && PropertiesOf(value.GetType()).Count == 0)
        || HasOwnToString(value.GetType()) && !IsAnonymous(value.GetType()) && value is not IEnumerable;

    private static bool HasOwnToString(Type type) =>
        type.GetMethod(nameof(ToString), Type.EmptyTypes)?.DeclaringType is { } declaring && declaring != typeof(object) && declaring != typeof(ValueType);

    private static bool IsAnonymous(Type type) => type.Name.Contains("AnonymousType", StringComparison.Ordinal);

    private static List<PropertyInfo> ColumnsOf(List<object?> items)
    {
        var first = items.FirstOrDefault(i => i is not null);
        return first is null || IsScalar(first) ? [] : PropertiesOf(first.GetType());
    }

    private static List<PropertyInfo> PropertiesOf(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0).ToList();

    private static void AppendHeaders(StringBuilder html, List<PropertyInfo> properties)
    {
        if (properties.Count == 0)
        {
            html.Append("<th>value</th>");
            return;
        }

        foreach (var p in properties)
        {
            html.Append("<th>").Append(WebUtility.HtmlEncode(p.Name)).Append("</th>");
        }
    }

    private static void AppendCells(StringBuilder html, object? item, List<PropertyInfo> properties)
    {
        if (properties.Count == 0)
        {
            html.Append("<td>").Append(WebUtility.HtmlEncode(Text(item))).Append("</td>");
            return;
        }

        foreach (var p in properties)
        {
            html.Append("<td>").Append(WebUtility.HtmlEncode(Text(item is null ? null : p.GetValue(item)))).Append("</td>");
        }
    }
}
