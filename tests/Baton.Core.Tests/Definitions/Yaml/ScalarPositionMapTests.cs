using Baton.Definitions.Compiler;
using Baton.Definitions.Compiler.Yaml;

namespace Baton.Core.Tests.Definitions.Yaml;

public sealed class ScalarPositionMapTests
{
    [Theory]
    [InlineData("v: abc X", 4, 1, 8)]
    [InlineData("v: 'it''s X'", 5, 1, 11)]
    [InlineData("v: \"a\\tb X\"", 4, 1, 10)]
    [InlineData("v: \"\\u00e9 X\"", 2, 1, 12)]
    [InlineData("v: \"\\U0001F600 X\"", 3, 1, 16)]
    [InlineData("v: |\n  one\n  two X\n", 8, 3, 7)]
    [InlineData("v: |\n  one\n\n    two X\n", 11, 4, 9)]
    [InlineData("v: >\n  one\n  two X\n", 8, 3, 7)]
    [InlineData("v: one\n  two X\n", 8, 2, 7)]
    [InlineData("v: 'one\n  two X'\n", 8, 2, 7)]
    [InlineData("v: abc X\r\nw: 1\r\n", 4, 1, 8)]
    public void LocationOf_Offset_PointsAtSourceCharacter(string yaml, int offset, int line, int column)
    {
        var root = (MappingNode)YamlReader.Read(yaml, "f.yaml", new DiagnosticBag())!;
        var scalar = (ScalarNode)root["v"]!;
        scalar.Value[offset].Should().Be('X');

        var location = scalar.LocationOf(offset);

        (location.Line, location.Column).Should().Be((line, column));
    }
}
