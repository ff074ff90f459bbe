using System.Globalization;
using System.Numerics;

namespace Baton.Definitions.Compiler.Validation;

/// <summary>
/// Compares JSON numbers by their exact decimal value, read from their text: <c>1</c>, <c>1.0</c> and <c>1e0</c> are
/// equal, and <c>1e400</c> or a 40-digit integer is compared as written, never rounded to a <see cref="double"/> or
/// <see cref="decimal"/> (which would lose digits or overflow).
/// </summary>
internal static class JsonNumbers
{
    /// <summary>Whether the number has no fractional part, as JSON Schema 2020-12 defines an integer.</summary>
    public static bool IsInteger(string text)
    {
        var number = Parse(text);
        return number.Digits.Length == 0 || number.Exponent >= 0;
    }

    public static bool AreEqual(string a, string b) => Parse(a) == Parse(b);

    /// <summary>
    /// The number as a sign, its significant digits without leading or trailing zeros, and the power of ten of the last
    /// digit; zero has no digits. The text is JSON, as <see cref="System.Text.Json.JsonElement.GetRawText"/> gives it.
    /// </summary>
    private static Exact Parse(string text)
    {
        var negative = text.StartsWith('-');
        var body = negative ? text[1..] : text;
        var e = body.IndexOfAny(['e', 'E']);
        var mantissa = e < 0 ? body : body[..e];
        var exponent = e < 0 ? BigInteger.Zero : BigInteger.Parse(body[(e + 1)..].TrimStart('+'), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var digits = point < 0 ? mantissa : string.Concat(mantissa.AsSpan(0, point), mantissa.AsSpan(point + 1));
        if (point >= 0)
        {
            exponent -= mantissa.Length - point - 1;
        }

        digits = digits.TrimStart('0');
        var trimmed = digits.TrimEnd('0');
        exponent += digits.Length - trimmed.Length;
        return trimmed.Length == 0 ? new Exact(false, string.Empty, BigInteger.Zero) : new Exact(negative, trimmed, exponent);
    }

    private readonly record struct Exact(bool Negative, string Digits, BigInteger Exponent);
}
