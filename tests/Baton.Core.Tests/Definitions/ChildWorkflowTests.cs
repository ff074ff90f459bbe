using Baton.Definitions;

namespace Baton.Core.Tests.Definitions;

public sealed class ChildWorkflowTests
{
    private static readonly WorkflowCompiler Compiler = new();

    [Fact]
    public void CompileFile_Children_GoIntoTheRootBundleKeyedFromTheRootDirectory()
    {
        var def = Compiler.CompileFile(Fixtures.PathOf("good/child/parent.yaml")).GetDefinitionOrThrow();

        def.Source.RootFile.Should().Be("parent.yaml");
        def.Source.BaseDirectory.Should().Be(Path.Combine(Fixtures.Directory, "good", "child"));
        def.Source.Files.Keys.Should().BeEquivalentTo("parent.yaml", "sub/leaf.yaml", "../shared/notify.yaml");
        def.Source.Files["sub/leaf.yaml"].Should().Be(Fixtures.Read("good/child/sub/leaf.yaml"));
        def.Hash.Should().Be(def.Source.ComputeHash());
    }

    [Fact]
    public void CompileFile_Child_HasItsOwnBundleRootedAtItsDirectory()
    {
        var def = Compiler.CompileFile(Fixtures.PathOf("good/child/parent.yaml")).GetDefinitionOrThrow();

        var leaf = ((WorkflowCallStep)def.GetStep("first")).Child;

        leaf.Name.Should().Be("leaf");
        leaf.Source.RootFile.Should().Be("leaf.yaml");
        leaf.Source.BaseDirectory.Should().Be(Path.Combine(Fixtures.Directory, "good", "child", "sub"));
        leaf.Source.Files.Keys.Should().BeEquivalentTo("leaf.yaml", "../../shared/notify.yaml");
        leaf.Hash.Should().Be(Compiler.CompileFile(Fixtures.PathOf("good/child/sub/leaf.yaml")).Definition!.Hash);
        var notify = ((WorkflowCallStep)leaf.GetStep("tell")).Child;
        notify.Hash.Should().Be(Compiler.CompileFile(Fixtures.PathOf("good/shared/notify.yaml")).Definition!.Hash);
    }

    [Fact]
    public void CompileFile_SameChildTwice_IsCompiledOnce()
    {
        var def = Compiler.CompileFile(Fixtures.PathOf("good/child/parent.yaml")).GetDefinitionOrThrow();

        ((WorkflowCallStep)def.GetStep("second")).Child.Should().BeSameAs(((WorkflowCallStep)def.GetStep("first")).Child);
        ((WorkflowCallStep)def.GetStep("second")).Path.Should().Be("sub/leaf.yaml");
    }

    [Fact]
    public void CompileBundle_FromItsTextsOnly_GivesTheSameDefinitionAndHash()
    {
        var fromFile = Compiler.CompileFile(Fixtures.PathOf("good/child/parent.yaml")).GetDefinitionOrThrow();
        var moved = fromFile.Source with { BaseDirectory = Path.Combine(Path.GetTempPath(), "baton-no-such-dir-" + Guid.NewGuid().ToString("N")) };

        var fromBundle = Compiler.Compile(moved).GetDefinitionOrThrow();

        fromBundle.Hash.Should().Be(fromFile.Hash);
        fromBundle.Source.Files.Should().BeEquivalentTo(fromFile.Source.Files);
        DefinitionDump.Of(fromBundle).Should().Be(DefinitionDump.Of(fromFile));
    }

    [Theory]
    [InlineData("good/every-kind.yaml")]
    [InlineData("good/incident.yaml")]
    [InlineData("good/loops.yaml")]
    public void CompileBundle_OfCompiledFile_IsIdentical(string fixture)
    {
        var fromFile = Compiler.CompileFile(Fixtures.PathOf(fixture)).GetDefinitionOrThrow();

        var fromBundle = Compiler.Compile(fromFile.Source).GetDefinitionOrThrow();

        fromBundle.Hash.Should().Be(fromFile.Hash);
        DefinitionDump.Of(fromBundle).Should().Be(DefinitionDump.Of(fromFile));
    }

    [Fact]
    public void Compile_SameBundleTwice_GivesSameHash()
    {
        var bundle = Compiler.CompileFile(Fixtures.PathOf("good/child/parent.yaml")).GetDefinitionOrThrow().Source;

        Compiler.Compile(bundle).Definition!.Hash.Should().Be(Compiler.Compile(bundle).Definition!.Hash);
    }

    [Fact]
    public void Compile_ChildTextChanged_ChangesTheRootHash()
    {
        var bundle = Compiler.CompileFile(Fixtures.PathOf("good/child/parent.yaml")).GetDefinitionOrThrow().Source;
        var files = bundle.Files.ToDictionary(f => f.Key, f => f.Value);
        files["../shared/notify.yaml"] += "# a comment changes the pinned text\n";

        var changed = Compiler.Compile(bundle with { Files = files }).GetDefinitionOrThrow();

        changed.Hash.Should().NotBe(bundle.ComputeHash());
        changed.Hash.Should().Be(changed.Source.ComputeHash());
    }

    [Fact]
    public void Compile_ChildMissingFromBundle_ReportedAtThePath()
    {
        var bundle = new DefinitionBundle("main.yaml", "/flows", new Dictionary<string, string>
        {
            ["main.yaml"] = "name: main\nsteps:\n  - id: call\n    workflow: { path: lib/child.yaml }\n",
        });

        var result = Compiler.Compile(bundle);

        result.Diagnostics.Should().ContainSingle().Which.ToString().Should()
            .Be("main.yaml:4:23: error BATON070: The child workflow 'lib/child.yaml' cannot be found: the definition bundle does not hold it. Paths are relative to this file.");
    }

    [Fact]
    public void Compile_ChildErrors_AreLocatedInTheChildFile()
    {
        var bundle = new DefinitionBundle("main.yaml", "/flows", new Dictionary<string, string>
        {
            ["main.yaml"] = "name: main\nsteps:\n  - id: call\n    workflow: { path: lib/child.yaml }\n  - id: bad\n    sett: {}\n",
            ["lib/child.yaml"] = "name: child\nsteps:\n  - id: x\n    set: { a: \"${{ nope }}\" }\n",
        });

        var result = Compiler.Compile(bundle);

        result.Heads().Should().Equal("main.yaml:6:5: error BATON015", "lib/child.yaml:4:20: error BATON041");
    }

    [Fact]
    public void Compile_WorkflowCallingItself_IsACycle()
    {
        var bundle = new DefinitionBundle("self.yaml", "/flows", new Dictionary<string, string>
        {
            ["self.yaml"] = "name: self\nsteps:\n  - id: again\n    workflow: { path: ./self.yaml }\n",
        });

        var result = Compiler.Compile(bundle);

        result.Diagnostics.Should().ContainSingle().Which.ToString().Should()
            .Be("self.yaml:4:23: error BATON071: The workflow calls itself: self.yaml -> self.yaml. A workflow cannot run itself as a child, directly or through others.");
    }

    [Fact]
    public void CompileFile_RelativePath_NamesFilesRelativelyInDiagnostics()
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, Fixtures.PathOf("bad/child-errors.yaml"));
        Path.IsPathRooted(relative).Should().BeFalse();

        var result = Compiler.CompileFile(relative);

        var expectedChild = Path.Combine(Path.GetDirectoryName(relative)!, "child-with-errors.yaml");
        result.Diagnostics.Should().ContainSingle().Which.Location.File.Should().Be(expectedChild);
    }

    [Fact]
    public void CompileFile_RelativePathOfGoodFile_LocatesStepsWithThatPath()
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, Fixtures.PathOf("good/loops.yaml"));

        var def = Compiler.CompileFile(relative).GetDefinitionOrThrow();

        def.GetStep("poll").Location.File.Should().Be(relative);
        def.Location.File.Should().Be(relative);
    }
}
