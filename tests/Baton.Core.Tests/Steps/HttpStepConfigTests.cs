using System.Text.Json.Nodes;
using Baton.Steps;

namespace Baton.Core.Tests.Steps;

public sealed class HttpStepConfigTests
{
    // No request is sent: every configuration below fails validation first, so the URL is never contacted.
    private readonly HttpStepExecutor _executor = new(new HttpClient());

    [Theory]
    [InlineData("null", "http must be a mapping, not null.")]
    [InlineData("""["http://x"]""", "http must be a mapping, not a list.")]
    [InlineData("{}", "http.url is required.")]
    [InlineData("""{"url": 5}""", "http.url must be a string, not a number.")]
    [InlineData("""{"url": ""}""", "http.url must not be empty.")]
    [InlineData("""{"url": "ftp://files.example/x"}""", "http.url must be an absolute http or https URL, not 'ftp://files.example/x'.")]
    [InlineData("""{"url": "file:///etc/passwd"}""", "http.url must be an absolute http or https URL")]
    [InlineData("""{"url": "/relative/path"}""", "http.url must be an absolute http or https URL")]
    [InlineData("""{"url": "http://x", "method": "FETCH"}""", "http.method must be one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS, not 'FETCH'.")]
    [InlineData("""{"url": "http://x", "method": 1}""", "http.method must be a string, not a number.")]
    [InlineData("""{"url": "http://x", "headers": "X-A: 1"}""", "http.headers must be a mapping, not a string.")]
    [InlineData("""{"url": "http://x", "headers": {"X-Trace": {"id": 1}}}""", "http.headers.X-Trace must be a string, not a mapping.")]
    [InlineData("""{"url": "http://x", "headers": {"X-Trace": [1]}}""", "http.headers.X-Trace must be a string, not a list.")]
    [InlineData("""{"url": "http://x", "headers": {"X-A": "1\r\nX-B: 2"}}""", "http.headers.X-A must hold only printable ASCII characters, without line breaks.")]
    [InlineData("""{"url": "http://x", "headers": {"X-A": "héllo"}}""", "http.headers.X-A must hold only printable ASCII characters, without line breaks.")]
    [InlineData("""{"url": "http://x", "headers": {"Bad Name": "1"}}""", "http.headers.Bad Name is not a valid header name.")]
    [InlineData("""{"url": "http://x", "headers": {"Content-Length": "5"}}""", "http.headers.Content-Length is set from the body")]
    [InlineData("""{"url": "http://x", "query": [1]}""", "http.query must be a mapping, not a list.")]
    [InlineData("""{"url": "http://x", "query": {"a": {"b": 1}}}""", "http.query.a must be a string, not a mapping.")]
    [InlineData("""{"url": "http://x", "query": {"a": [1, [2]]}}""", "http.query.a[1] must be a string, not a list.")]
    [InlineData("""{"url": "http://x", "expect": []}""", "http.expect must list at least one status.")]
    [InlineData("""{"url": "http://x", "expect": [200, 99]}""", "http.expect[1] must be a status from 100 to 599 or a class such as \"2xx\", not '99'.")]
    [InlineData("""{"url": "http://x", "expect": "6xx"}""", "http.expect must be a status from 100 to 599")]
    [InlineData("""{"url": "http://x", "expect": 200.5}""", "http.expect must be a status from 100 to 599")]
    [InlineData("""{"url": "http://x", "max-response-bytes": 0}""", "http.max-response-bytes must be an integer from 1 to 1073741824, not '0'.")]
    [InlineData("""{"url": "http://x", "max-response-bytes": "big"}""", "http.max-response-bytes must be an integer from 1 to 1073741824, not 'big'.")]
    [InlineData("""{"url": "http://x", "timeout": 5}""", "http.timeout is not a known key; use one of: method, url, headers, query, body, expect, max-response-bytes.")]
    public async Task ExecuteAsync_InvalidRenderedConfig_FailsConfigInvalidNamingTheField(string configJson, string expectedMessage)
    {
        var outcome = await _executor.ExecuteAsync(TestStepContext.For(configJson), CancellationToken.None);

        outcome.Error!.Code.Should().Be("config.invalid");
        outcome.Error.Retryable.Should().BeFalse();
        outcome.Error.Message.Should().StartWith(expectedMessage);
    }

    [Fact]
    public async Task ExecuteAsync_InvalidUrlHoldingSecret_MasksTheMessage()
    {
        var context = new TestStepContext(JsonNode.Parse("""{"url": "ftp://user:s3cr3t@files.example/"}""")) { Secrets = ["s3cr3t"] };

        var outcome = await _executor.ExecuteAsync(context, CancellationToken.None);

        outcome.Error!.Message.Should().Be("http.url must be an absolute http or https URL, not 'ftp://user:***@files.example/'.");
    }

    [Theory]
    [InlineData("200", 200, true)]
    [InlineData("200.0", 200, true)]
    [InlineData("200", 201, false)]
    [InlineData("\"2xx\"", 299, true)]
    [InlineData("[\"1xx\", 404]", 101, true)]
    [InlineData("[\"1xx\", 404]", 404, true)]
    [InlineData("[\"1xx\", 404]", 405, false)]
    public void HttpStatusExpectation_Parse_AcceptsCodesAndClasses(string expectJson, int status, bool accepted)
    {
        var expectation = HttpStatusExpectation.Parse(JsonNode.Parse(expectJson), "http.expect");

        expectation.Accepts(status).Should().Be(accepted);
    }

    [Fact]
    public void HttpStatusExpectation_Default_AcceptsOnly2xx()
    {
        var expectation = HttpStatusExpectation.Parse(null, "http.expect");

        expectation.Accepts(200).Should().BeTrue();
        expectation.Accepts(299).Should().BeTrue();
        expectation.Accepts(199).Should().BeFalse();
        expectation.Accepts(300).Should().BeFalse();
        expectation.ToString().Should().Be("2xx");
    }
}
