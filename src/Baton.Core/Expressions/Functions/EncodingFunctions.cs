using System.Security.Cryptography;
using System.Text;
using Baton.Expressions.Runtime;

namespace Baton.Expressions.Functions;

/// <summary><c>base64Encode</c>, <c>base64Decode</c>, <c>urlEncode</c>, <c>sha256</c>, all over UTF-8 text.</summary>
internal static class EncodingFunctions
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static Value Base64Encode(Arguments args) => Value.String(Convert.ToBase64String(Encoding.UTF8.GetBytes(args.String(0))));

    public static Value Base64Decode(Arguments args)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(args.String(0));
        }
        catch (FormatException)
        {
            throw args.Fail("got text that is not Base64");
        }

        try
        {
            return Value.String(StrictUtf8.GetString(bytes));
        }
        catch (ArgumentException)
        {
            throw args.Fail("decoded bytes that are not UTF-8 text");
        }
    }

    public static Value UrlEncode(Arguments args)
    {
        try
        {
            return Value.String(Uri.EscapeDataString(args.String(0)));
        }
        catch (UriFormatException)
        {
            throw args.Fail("got text that is not valid Unicode");
        }
    }

    public static Value Sha256(Arguments args) => Value.String(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(args.String(0)))));
}
