using System.Text;
using Baton.Definitions;

namespace Baton.Core.Tests.Definitions;

/// <summary>Reading workflow files: every problem with the file itself is a diagnostic at FILE:1:1, never an exception.</summary>
public sealed class CompileFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("baton-compile-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void CompileFile_MissingFile_ReportsAtLineOne()
    {
        var path = Path.Combine(_directory, "absent.yaml");

        var result = new WorkflowCompiler().CompileFile(path);

        result.Diagnostics.Should().ContainSingle().Which.ToString()
            .Should().Be($"{path}:1:1: error BATON001: The workflow file cannot be read: there is no such file.");
    }

    [Fact]
    public void CompileFile_Directory_ReportsAtLineOne()
    {
        var result = new WorkflowCompiler().CompileFile(_directory);

        result.Heads().Should().Equal($"{_directory}:1:1: error BATON001");
    }

    [Theory]
    [InlineData("")]
    [InlineData("bad\0name.yaml")]
    public void CompileFile_InvalidPath_ReportsAtLineOne(string path)
    {
        var result = new WorkflowCompiler().CompileFile(path);

        result.Heads().Should().Equal($"{path}:1:1: error BATON001");
    }

    [Fact]
    public void CompileFile_LargerThanLimit_ReportsSizeAndLimit()
    {
        var path = Write("big.yaml", "name: big\nsteps:\n  - id: a\n    set: { x: 1 }\n");

        var result = new WorkflowCompiler(new WorkflowCompilerOptions { MaxFileBytes = 10 }).CompileFile(path);

        result.Diagnostics.Should().ContainSingle().Which.ToString()
            .Should().Be($"{path}:1:1: error BATON002: The workflow file is too large: it has 45 bytes and the limit is 10.");
    }

    [Fact]
    public void CompileFile_EndlessDevice_StopsAtTheSizeLimit()
    {
        // A device reports a length of 0 and never ends: reading must stop at the limit, not run out of memory.
        const string Device = "/dev/zero";

        var result = new WorkflowCompiler(new WorkflowCompilerOptions { MaxFileBytes = 4096 }).CompileFile(Device);

        result.Diagnostics.Should().ContainSingle().Which.ToString()
            .Should().Be($"{Device}:1:1: error BATON002: The workflow file is too large: it has more than 4,096 bytes, the limit.");
    }

    [Fact]
    public void CompileFile_NotUtf8_ReportsAtLineOne()
    {
        var path = Path.Combine(_directory, "latin1.yaml");
        File.WriteAllBytes(path, [.. Encoding.ASCII.GetBytes("name: caf"), 0xE9, (byte)'\n']);

        var result = new WorkflowCompiler().CompileFile(path);

        result.Diagnostics.Should().ContainSingle().Which.ToString()
            .Should().Be($"{path}:1:1: error BATON001: The workflow file cannot be read: it is not UTF-8 text.");
    }

    [Fact]
    public void CompileFile_ByteOrderMark_IsDroppedFromTheBundle()
    {
        var path = Path.Combine(_directory, "bom.yaml");
        File.WriteAllText(path, "name: bom\nsteps:\n  - id: a\n    set: { x: 1 }\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var def = new WorkflowCompiler().CompileFile(path).GetDefinitionOrThrow();

        def.Source.Files["bom.yaml"].Should().StartWith("name: bom");
    }

    [Fact]
    public void CompileFile_ChildLargerThanLimit_ReportedAtThePath()
    {
        var path = Write("main.yaml", "name: main\nsteps:\n  - id: a\n    workflow: { path: child.yaml }\n");
        Write("child.yaml", "name: child\nsteps:\n  - id: a\n    set: { x: \"" + new string('x', 300) + "\" }\n");

        var result = new WorkflowCompiler(new WorkflowCompilerOptions { MaxFileBytes = 200 }).CompileFile(path);

        result.Heads().Should().Equal($"{path}:4:23: error BATON002");
    }

    [Fact]
    public void Compile_BundleFileLargerThanLimit_Reported()
    {
        var bundle = new DefinitionBundle("w.yaml", "/flows", new Dictionary<string, string> { ["w.yaml"] = new string('#', 100) });

        var result = new WorkflowCompiler(new WorkflowCompilerOptions { MaxFileBytes = 50 }).Compile(bundle);

        result.Heads().Should().Equal("w.yaml:1:1: error BATON002");
    }

    [Fact]
    public void Compile_BundleWithoutRootFile_Reported()
    {
        var bundle = new DefinitionBundle("w.yaml", "/flows", new Dictionary<string, string>());

        var result = new WorkflowCompiler().Compile(bundle);

        result.Heads().Should().Equal("w.yaml:1:1: error BATON001");
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }
}
