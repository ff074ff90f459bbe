using System.Text.Json;
using System.Text.Json.Nodes;
using Baton.AI.Tools;
using ModelContextProtocol.Protocol;

namespace Baton.AI.Tests.Tools;

/// <summary>MCP result shapes the test server does not produce: mixed blocks and empty results.</summary>
public sealed class McpResultsTests
{
    [Fact]
    public void ToToolResult_TextAndImage_ListOfBlocksAsMcpWritesThem()
    {
        var result = new CallToolResult
        {
            Content = [new TextContentBlock { Text = "Chart:" }, ImageContentBlock.FromBytes(new byte[] { 1, 2, 3 }, "image/png")],
        };

        var converted = McpResults.ToToolResult(result, "chart");

        converted.IsError.Should().BeFalse();
        var blocks = converted.Content!.AsArray();
        blocks[0]!["type"]!.GetValue<string>().Should().Be("text");
        blocks[0]!["text"]!.GetValue<string>().Should().Be("Chart:");
        blocks[1]!["type"]!.GetValue<string>().Should().Be("image");
        blocks[1]!["mimeType"]!.GetValue<string>().Should().Be("image/png");
        blocks[1]!["data"]!.GetValue<string>().Should().Be(Convert.ToBase64String([1, 2, 3]));
    }

    [Fact]
    public void ToToolResult_SeveralTextBlocks_JoinedByLineBreaks()
    {
        var result = new CallToolResult { Content = [new TextContentBlock { Text = "one" }, new TextContentBlock { Text = "two" }] };

        McpResults.ToToolResult(result, "lines").Content!.GetValue<string>().Should().Be("one\ntwo");
    }

    [Fact]
    public void ToToolResult_ErrorWithoutText_MessageSaysSo()
    {
        var result = new CallToolResult { IsError = true, Content = [] };

        var converted = McpResults.ToToolResult(result, "mute");

        converted.IsError.Should().BeTrue();
        converted.ErrorCode.Should().Be("tool.failed");
        converted.Message.Should().Be("The MCP tool 'mute' reported an error without a message.");
        converted.Content.Should().BeNull();
    }

    [Fact]
    public void ToToolResult_StructuredContent_WinsOverText()
    {
        using var structured = JsonDocument.Parse("""{"n":1}""");
        var result = new CallToolResult
        {
            Content = [new TextContentBlock { Text = """{"n":1}""" }],
            StructuredContent = structured.RootElement.Clone(),
        };

        JsonNode.DeepEquals(McpResults.ToToolResult(result, "n").Content, JsonNode.Parse("""{"n":1}""")).Should().BeTrue();
    }
}
