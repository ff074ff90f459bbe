using Baton.Definitions;

namespace Baton.Core.Tests.Definitions;

/// <summary>
/// Every file under Fixtures/bad ends with '# expect:' lines: the exact diagnostics (file, line, column, severity, code)
/// the compiler must report for it, in order, and nothing else.
/// </summary>
public sealed class BadFixtureTests
{
    private const string Marker = "# expect: ";

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in System.IO.Directory.GetFiles(Path.Combine(Fixtures.Directory, "bad"), "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void CompileFile_BadFixture_ReportsExactlyTheExpectedDiagnostics(string file)
    {
        var path = Fixtures.PathOf("bad/" + file);
        var badDirectory = Path.GetDirectoryName(path)!;
        var expected = File.ReadAllLines(path)
            .Where(l => l.StartsWith(Marker, StringComparison.Ordinal))
            .Select(l => Path.Combine(badDirectory, l[Marker.Length..]))
            .ToList();
        expected.Should().NotBeEmpty("every bad fixture declares what it expects");

        var result = new WorkflowCompiler().CompileFile(path);

        result.Success.Should().BeFalse();
        result.Heads().Should().Equal(expected);
        result.Diagnostics.Should().OnlyContain(d => d.Message.Length > 10 && char.IsUpper(d.Message[0]) || d.Message.StartsWith('\''));
    }

    [Fact]
    public void CompileFile_ManyErrors_ReportsEveryErrorAtOnceInFileOrder()
    {
        var result = new WorkflowCompiler().CompileFile(Fixtures.PathOf("bad/many-errors.yaml"));

        result.Diagnostics.Should().HaveCountGreaterThan(25);
        result.Diagnostics.Select(d => (d.Location.Line, d.Location.Column)).Should().BeInAscendingOrder();
        result.Diagnostics.Select(d => d.Code).Distinct().Should().HaveCountGreaterThan(15);
    }
}
