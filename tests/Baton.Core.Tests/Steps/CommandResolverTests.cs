using Baton.Steps;

namespace Baton.Core.Tests.Steps;

public sealed class CommandResolverTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("./x.sh", "x.sh")]
    [InlineData("scripts/x.sh", "scripts/x.sh")]
    [InlineData("../x.sh", "../x.sh")]
    public void Resolve_Path_ResolvedAgainstBaseDirectory(string command, string relative)
    {
        CommandResolver.Resolve(command, _dir.Path, "/usr/bin").Should().Be(Path.GetFullPath(Path.Combine(_dir.Path, relative)));
    }

    [Fact]
    public void Resolve_AbsolutePath_KeptAsIs()
    {
        CommandResolver.Resolve("/bin/sh", _dir.Path, null).Should().Be("/bin/sh");
    }

    [Fact]
    public void Resolve_Name_FirstExecutableOnPathWins()
    {
        _dir.WriteFile("a/tool", "not executable");
        var executable = _dir.WriteScript("b/tool", "true");
        _dir.WriteScript("c/tool", "true");
        var searchPath = string.Join(':', "", "relative/dir", Path.Combine(_dir.Path, "a"), Path.Combine(_dir.Path, "b"), Path.Combine(_dir.Path, "c"));

        CommandResolver.Resolve("tool", _dir.Path, searchPath).Should().Be(executable);
    }

    [Fact]
    public void Resolve_NameOnlyInRelativePathEntry_NotFound()
    {
        // Relative to the current directory the entry does lead to the tool; it must still be skipped.
        _dir.WriteScript("tools/tool", "true");
        var relativeEntry = Path.GetRelativePath(Environment.CurrentDirectory, Path.Combine(_dir.Path, "tools"));
        File.Exists(Path.Combine(relativeEntry, "tool")).Should().BeTrue();

        CommandResolver.Resolve("tool", _dir.Path, relativeEntry).Should().BeNull();
    }
}
