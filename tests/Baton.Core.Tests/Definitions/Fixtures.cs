using Baton.Definitions;

namespace Baton.Core.Tests.Definitions;

/// <summary>Locates the workflow files under Definitions/Fixtures (copied to the test output) and compiles text.</summary>
internal static class Fixtures
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Definitions", "Fixtures");

    public static string PathOf(string relative) => Path.Combine(Directory, relative.Replace('/', Path.DirectorySeparatorChar));

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    /// <summary>Compiles YAML text as the single file <c>w.yaml</c> of a bundle, never touching the disk.</summary>
    public static CompilationResult Compile(string yaml, WorkflowCompilerOptions? options = null)
        => new WorkflowCompiler(options).Compile(new DefinitionBundle("w.yaml", "/work/flows", new Dictionary<string, string> { ["w.yaml"] = yaml }));

    /// <summary>Compiles YAML that must be valid, and returns its definition.</summary>
    public static WorkflowDefinition CompileValid(string yaml, WorkflowCompilerOptions? options = null)
    {
        var result = Compile(yaml, options);
        result.Diagnostics.Should().BeEmpty();
        return result.Definition!;
    }

    /// <summary>The diagnostics as <c>FILE:LINE:COL: severity CODE</c>, without messages.</summary>
    public static IEnumerable<string> Heads(this CompilationResult result)
        => result.Diagnostics.Select(d => d.ToString()[..d.ToString().IndexOf(": ", d.Location.ToString().Length + 2, StringComparison.Ordinal)]);
}
