using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Baton.Expressions.Runtime;

/// <summary>
/// Converts values to text as interpolation does: strings as they are, null as empty, booleans as
/// <c>true</c>/<c>false</c>, numbers in their shortest round-trip form, lists and mappings as compact JSON.
/// </summary>
internal static class ValueText
{
    private const int StackLimit = 256;

    /// <summary>Compact JSON that leaves non-ASCII text readable; the text is a value, not HTML.</summary>
    public static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string ToText(in Value value) => value.Kind switch
    {
        ValueKind.Null => string.Empty,
        ValueKind.Boolean => value.GetBoolean() ? "true" : "false",
        ValueKind.String => value.GetString(),
        ValueKind.Number => NumberText(value),
        _ => value.Node!.ToJsonString(JsonOptions),
    };

    public static void Append(StringBuilder builder, in Value value)
    {
        switch (value.Kind)
        {
            case ValueKind.Null:
                return;
            case ValueKind.Boolean:
                builder.Append(value.GetBoolean() ? "true" : "false");
                return;
            case ValueKind.String when NodeReader.TryGetElement(value.Node, out var element):
                AppendStringElement(builder, element);
                return;
            case ValueKind.Number when value.Node is null || NodeReader.TryGetElement(value.Node, out _):
                AppendNumber(builder, value);
                return;
            default:
                builder.Append(ToText(value));
                return;
        }
    }

    /// <summary>The value as compact JSON text.</summary>
    public static string ToJson(in Value value) => value.Kind switch
    {
        ValueKind.Null => "null",
        ValueKind.Boolean => value.GetBoolean() ? "true" : "false",
        ValueKind.Number => NumberText(value),
        _ => (value.Node ?? value.ToChild()!).ToJsonString(JsonOptions),
    };

    public static string FormatNumber(double number)
    {
        // -0 prints as 0, as JavaScript does; "R" gives the shortest text that reads back to the same double.
        return number == 0 ? "0" : number.ToString("R", CultureInfo.InvariantCulture);
    }

    private static string NumberText(in Value value)
    {
        var node = value.Node;
        if (node is null)
        {
            return FormatNumber(value.GetNumber());
        }

        if (NodeReader.TryGetElement(node, out var element))
        {
            return element.GetRawText();
        }

        return node.AsValue().TryGetValue(out double d) ? FormatNumber(d) : node.ToJsonString();
    }

    private static void AppendNumber(StringBuilder builder, in Value value)
    {
        if (NodeReader.TryGetElement(value.Node, out var element))
        {
            AppendUtf8(builder, JsonMarshal.GetRawUtf8Value(element));
            return;
        }

        Span<char> buffer = stackalloc char[32];
        var number = value.GetNumber();
        if (number != 0 && number.TryFormat(buffer, out var written, "R", CultureInfo.InvariantCulture))
        {
            builder.Append(buffer[..written]);
            return;
        }

        builder.Append(FormatNumber(number));
    }

    // Copies a parsed string straight from its UTF-8 bytes when it has no escapes, without a temporary string.
    private static void AppendStringElement(StringBuilder builder, JsonElement element)
    {
        var raw = JsonMarshal.GetRawUtf8Value(element);
        var content = raw[1..^1];
        if (content.IndexOf((byte)'\\') >= 0)
        {
            builder.Append(element.GetString());
            return;
        }

        AppendUtf8(builder, content);
    }

    private static void AppendUtf8(StringBuilder builder, ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > StackLimit)
        {
            builder.Append(Encoding.UTF8.GetString(utf8));
            return;
        }

        Span<char> buffer = stackalloc char[StackLimit];
        var written = Encoding.UTF8.GetChars(utf8, buffer);
        builder.Append(buffer[..written]);
    }
}
