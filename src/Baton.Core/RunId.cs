using System.Security.Cryptography;

namespace Baton;

/// <summary>Identifies a workflow run. Ids sort by creation time.</summary>
public readonly record struct RunId(string Value)
{
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    /// <summary>Creates a new id: 10 characters of millisecond time then 16 random characters (Crockford base32, lower case).</summary>
    public static RunId New(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        Span<char> chars = stackalloc char[26];
        var ms = (ulong)timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        for (var i = 9; i >= 0; i--)
        {
            chars[i] = Alphabet[(int)(ms & 31)];
            ms >>= 5;
        }

        Span<byte> random = stackalloc byte[16];
        RandomNumberGenerator.Fill(random);
        for (var i = 0; i < 16; i++)
        {
            chars[10 + i] = Alphabet[random[i] & 31];
        }

        return new RunId(new string(chars));
    }

    /// <summary>
    /// An id derived from a key, the same for the same key: a caller that may repeat a start (a tool call replayed after a
    /// crash) uses it to find the run it started the first time instead of starting another.
    /// </summary>
    public static RunId FromKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key), hash);
        Span<char> chars = stackalloc char[26];
        for (var i = 0; i < 26; i++)
        {
            chars[i] = Alphabet[hash[i] & 31];
        }

        return new RunId(new string(chars));
    }

    public override string ToString() => Value;
}
