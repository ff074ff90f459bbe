namespace Baton.Core.Tests.Expressions;

public class EncodingFunctionTests
{
    [Theory]
    [InlineData("base64Encode('héllo')", "aMOpbGxv")]
    [InlineData("base64Decode('aMOpbGxv')", "héllo")]
    [InlineData("base64Decode(base64Encode('round trip ✓'))", "round trip ✓")]
    [InlineData("urlEncode('a b&c=d/é')", "a%20b%26c%3Dd%2F%C3%A9")]
    [InlineData("sha256('abc')", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("sha256('')", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    public void Encoding_Text_Transforms(string expression, string expected)
    {
        Expr.Eval(expression)!.GetValue<string>().Should().Be(expected);
    }

    [Theory]
    [InlineData("base64Encode(1)", "Function 'base64Encode' expects a string as its first argument, not a number in 'base64Encode(1)'.")]
    [InlineData("base64Decode('not base64!')", "Function 'base64Decode' got text that is not Base64 in 'base64Decode('not base64!')'.")]
    [InlineData("base64Decode('/w==')", "Function 'base64Decode' decoded bytes that are not UTF-8 text in 'base64Decode('/w==')'.")]
    [InlineData("urlEncode([])", "Function 'urlEncode' expects a string as its first argument, not a list in 'urlEncode([])'.")]
    [InlineData("sha256({})", "Function 'sha256' expects a string as its first argument, not a mapping in 'sha256({})'.")]
    public void Encoding_BadInput_Fails(string expression, string message)
    {
        Expr.Fails(expression).Message.Should().Be(message);
    }
}
