using Baton.Definitions;
using Baton.Definitions.Compiler;
using Baton.Definitions.Compiler.Yaml;

namespace Baton.Core.Tests.Definitions.Yaml;

public sealed class YamlReaderTests
{
    [Fact]
    public void Read_Mapping_KeepsKeyOrderAndPositions()
    {
        var (root, diagnostics) = Read("b: 1\na:\n  - x\n  - { y: z }\n");

        diagnostics.Should().BeEmpty();
        var mapping = root.Should().BeOfType<MappingNode>().Subject;
        mapping.Entries.Select(e => e.Name).Should().Equal("b", "a");
        mapping.Entries[1].Key.Location.Should().Be(new SourceLocation("f.yaml", 2, 1));
        var list = mapping["a"].Should().BeOfType<SequenceNode>().Subject;
        list.Location.Should().Be(new SourceLocation("f.yaml", 3, 3));
        list.Items[1].Location.Should().Be(new SourceLocation("f.yaml", 4, 5));
        ((MappingNode)list.Items[1])["y"]!.Location.Should().Be(new SourceLocation("f.yaml", 4, 10));
    }

    [Theory]
    [InlineData("true", "Boolean")]
    [InlineData("False", "Boolean")]
    [InlineData("\"true\"", "String")]
    [InlineData("'false'", "String")]
    [InlineData("yes", "String")]
    [InlineData("~", "Null")]
    [InlineData("null", "Null")]
    [InlineData("", "Null")]
    [InlineData("\"null\"", "String")]
    [InlineData("42", "Integer")]
    [InlineData("-7", "Integer")]
    [InlineData("0x1F", "Integer")]
    [InlineData("0o17", "Integer")]
    [InlineData("1.5", "Float")]
    [InlineData("2e3", "Float")]
    [InlineData("30s", "String")]
    [InlineData("'42'", "String")]
    [InlineData("!!str 42", "String")]
    [InlineData("|\n  true\n", "String")]
    [InlineData("2026-12-01T09:00:00Z", "String")]
    public void Read_Scalar_FollowsCoreSchema(string yaml, string expected)
    {
        var (root, diagnostics) = Read("v: " + yaml);

        diagnostics.Should().BeEmpty();
        ((MappingNode)root!)["v"].Should().BeOfType<ScalarNode>().Which.Kind.ToString().Should().Be(expected);
    }

    [Theory]
    [InlineData("v: 42", "42")]
    [InlineData("v: 0x1F", "31")]
    [InlineData("v: 0o17", "15")]
    [InlineData("v: 1.5", "1.5")]
    [InlineData("v: true", "true")]
    [InlineData("v: ~", "null")]
    [InlineData("v: \"42\"", "\"42\"")]
    [InlineData("v: 123456789012345678901234567890", "123456789012345678901234567890")]
    [InlineData("v: 0x10000000000000000", "1.8446744073709552E+19")]
    [InlineData("v: 0o2000000000000000000000", "1.8446744073709552E+19")]
    [InlineData("v: 0o777777777777777777777777", "4.722366482869645E+21")]
    public void ToJson_Scalar_GivesJsonValue(string yaml, string json)
    {
        var (root, _) = Read(yaml);

        var value = ((MappingNode)root!)["v"]!.ToJson();

        (value?.ToJsonString() ?? "null").Should().Be(json);
    }

    [Fact]
    public void Read_DuplicateKey_ReportsSecondWithFirstLine()
    {
        var (_, diagnostics) = Read("a: 1\nb: 2\na: 3\n");

        diagnostics.Should().ContainSingle().Which.ToString()
            .Should().Be("f.yaml:3:1: error BATON004: The key 'a' appears twice in this mapping; the first is at line 1. Remove one of them.");
    }

    [Theory]
    [InlineData("a: [1\nb: 2", "f.yaml:2:1: error BATON003")]
    [InlineData("a: b: c", "f.yaml:1:5: error BATON003")]
    [InlineData("a: \"abc", "f.yaml:1:4: error BATON003")]
    [InlineData("a:\n  - x\n - y", "f.yaml:3:2: error BATON003")]
    [InlineData("a: *nope", "f.yaml:1:4: error BATON003")]
    [InlineData("a: 1\n---\nb: 2\n", "f.yaml:2:1: error BATON007")]
    [InlineData("", "f.yaml:1:1: error BATON008")]
    [InlineData("# only a comment\n", "f.yaml:1:1: error BATON008")]
    [InlineData("a: !custom x", "f.yaml:1:4: error BATON009")]
    [InlineData("a: .inf", "f.yaml:1:4: error BATON009")]
    [InlineData("? [a]\n: b", "f.yaml:1:3: error BATON009")]
    [InlineData("a: !!int x", "f.yaml:1:4: error BATON009")]
    public void Read_BadYaml_ReportsPositionedDiagnostic(string yaml, string expected)
    {
        var (_, diagnostics) = Read(yaml);

        diagnostics.Should().ContainSingle().Which.ToString().Should().StartWith(expected);
    }

    [Fact]
    public void Read_AliasBomb_StopsAtNodeLimit()
    {
        var lines = new List<string> { "a0: &a0 [x, x, x, x, x, x, x, x, x, x]" };
        for (var i = 1; i < 10; i++)
        {
            lines.Add($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]");
        }

        var (root, diagnostics) = Read(string.Join("\n", lines));

        root.Should().BeNull();
        diagnostics.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.TooManyNodes);
        diagnostics[0].Location.Line.Should().Be(5);
    }

    [Fact]
    public void Read_AliasWithinLimit_SharesNode()
    {
        var (root, diagnostics) = Read("a: &x { k: v }\nb: *x\n");

        diagnostics.Should().BeEmpty();
        var mapping = (MappingNode)root!;
        mapping["b"].Should().BeSameAs(mapping["a"]);
        mapping.ExpandedSize.Should().Be(1 + (2 * (1 + 2)) + 2);
    }

    [Theory]
    [InlineData(128, true)]
    [InlineData(129, false)]
    public void Read_DeepNesting_LimitedTo128Levels(int depth, bool accepted)
    {
        var yaml = new string('[', depth) + new string(']', depth);

        var (root, diagnostics) = Read(yaml);

        if (accepted)
        {
            diagnostics.Should().BeEmpty();
            root!.Height.Should().Be(depth);
        }
        else
        {
            diagnostics.Should().ContainSingle().Which.ToString().Should().StartWith($"f.yaml:1:{depth}: error BATON006");
        }
    }

    [Fact]
    public void Read_AliasThatNestsTooDeep_Reported()
    {
        var inner = new string('[', 100) + new string(']', 100);
        var yaml = $"a: &deep {inner}\nb: {new string('[', 40)}*deep{new string(']', 40)}";

        var (_, diagnostics) = Read(yaml);

        diagnostics.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.NestingTooDeep);
    }

    [Fact]
    public void Read_ByteOrderMark_Ignored()
    {
        var (root, diagnostics) = Read("\uFEFFname: x");

        diagnostics.Should().BeEmpty();
        ((MappingNode)root!).Entries[0].Name.Should().Be("name");
    }

    private static (SyntaxNode? Root, IReadOnlyList<Diagnostic> Diagnostics) Read(string yaml)
    {
        var bag = new DiagnosticBag();
        var root = YamlReader.Read(yaml, "f.yaml", bag);
        return (root, bag.ToSortedList());
    }
}
