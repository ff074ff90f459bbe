using System.Text;

namespace Baton.Steps;

/// <summary>Decodes byte ranges cut out of a longer UTF-8 stream without producing a broken character at the cut.</summary>
internal static class Utf8Text
{
    /// <summary>Decodes the start of a stream: an incomplete character at the end is dropped.</summary>
    public static string DecodePrefix(ReadOnlySpan<byte> bytes)
    {
        var decoder = Encoding.UTF8.GetDecoder();
        var chars = new char[decoder.GetCharCount(bytes, flush: false)];
        var count = decoder.GetChars(bytes, chars, flush: false);
        return new string(chars, 0, count);
    }

    /// <summary>Decodes the end of a stream: continuation bytes of a character cut at the start are skipped.</summary>
    public static string DecodeSuffix(ReadOnlySpan<byte> bytes)
    {
        var start = 0;
        while (start < bytes.Length && start < 3 && (bytes[start] & 0xC0) == 0x80)
        {
            start++;
        }

        return Encoding.UTF8.GetString(bytes[start..]);
    }
}
