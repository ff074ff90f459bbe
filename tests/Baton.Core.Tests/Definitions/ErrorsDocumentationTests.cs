using System.Reflection;
using Baton.Definitions.Compiler;
using Baton.Steps;

namespace Baton.Core.Tests.Definitions;

/// <summary>docs/errors.md documents every compiler diagnostic code and every runtime step error code.</summary>
public sealed class ErrorsDocumentationTests
{
    private static readonly string Document = File.ReadAllText(DocsExamples.RepositoryFile("docs/errors.md"));

    public static TheoryData<string> DiagnosticCodeValues() => Constants(typeof(DiagnosticCodes));

    public static TheoryData<string> RuntimeCodeValues() => Constants(typeof(ErrorCodes));

    [Theory]
    [MemberData(nameof(DiagnosticCodeValues))]
    public void ErrorsDoc_DiagnosticCode_HasItsOwnSection(string code)
    {
        Document.Should().Contain($"#### {code}: ");
    }

    [Theory]
    [MemberData(nameof(RuntimeCodeValues))]
    public void ErrorsDoc_RuntimeCode_IsInTheTable(string code)
    {
        var shown = code.EndsWith('.') ? code + "NNN" : code;

        Document.Should().Contain($"| `{shown}` |");
    }

    [Fact]
    public void DiagnosticCodes_AreUnique()
    {
        Values(typeof(DiagnosticCodes)).Should().OnlyHaveUniqueItems().And.OnlyContain(c => c.StartsWith("BATON", StringComparison.Ordinal) && c.Length == 8);
    }

    private static TheoryData<string> Constants(Type type)
    {
        var data = new TheoryData<string>();
        foreach (var value in Values(type))
        {
            data.Add(value);
        }

        return data;
    }

    private static List<string> Values(Type type)
        => type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
}
