using System.Net;

namespace Baton.Secrets;

/// <summary>
/// The texts a secret can take on its way out: as it is, and as each URL encoding writes it. A secret placed in a URL
/// reaches error messages in whatever form <see cref="Uri"/> or an HTTP stack left it, so the masker looks for all of them.
/// </summary>
internal static class SecretForms
{
    public static IEnumerable<string> Of(string value)
    {
        var forms = new HashSet<string>(StringComparer.Ordinal)
        {
            value,

            // Percent-encoding of a URL component (RFC 3986), and the form encoding of query strings ('+' for a space).
            Uri.EscapeDataString(value),
            WebUtility.UrlEncode(value),
        };

        // System.Uri escapes only what a URL cannot hold (space, '"', '<', '>', non-ASCII...) and leaves '&', '@', '/'
        // and '+' as they are: the form a URL built from the secret shows in its text and in connection errors.
        foreach (var position in UriPositions)
        {
            if (Uri.TryCreate(position.Prefix + value, UriKind.Absolute, out var uri))
            {
                // Only a form that decodes back to the whole secret: a secret with '?' or '#' splits the URL elsewhere.
                var text = position.Part(uri);
                if (text.Length > 0 && Uri.UnescapeDataString(text) == value)
                {
                    forms.Add(text);
                }
            }
        }

        // Percent-escapes are case-insensitive: some encoders write %3c for %3C.
        foreach (var form in forms.Where(f => f.Contains('%', StringComparison.Ordinal)).ToList())
        {
            forms.Add(LowerEscapes(form));
        }

        return forms.Where(f => f.Length > 0);
    }

    private static readonly (string Prefix, Func<Uri, string> Part)[] UriPositions =
    [
        ("http://h/?", u => u.Query.Length > 0 ? u.Query[1..] : ""),
        ("http://h/", u => u.AbsolutePath.Length > 0 ? u.AbsolutePath[1..] : ""),
        ("http://h/#", u => u.Fragment.Length > 0 ? u.Fragment[1..] : ""),
    ];

    private static string LowerEscapes(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i + 2 < chars.Length; i++)
        {
            if (chars[i] == '%')
            {
                chars[i + 1] = char.ToLowerInvariant(chars[i + 1]);
                chars[i + 2] = char.ToLowerInvariant(chars[i + 2]);
            }
        }

        return new string(chars);
    }
}
