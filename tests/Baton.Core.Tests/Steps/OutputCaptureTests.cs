using System.Text;
using Baton.Steps;

namespace Baton.Core.Tests.Steps;

public sealed class OutputCaptureTests
{
    [Fact]
    public async Task ReadAsync_StreamWithinLimit_KeepsEverything()
    {
        var capture = await OutputCapture.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes("héllo\n")), 100, CancellationToken.None);

        capture.Truncated.Should().BeFalse();
        capture.Text.Should().Be("héllo\n");
        capture.Tail.Should().Be("héllo\n");
    }

    [Fact]
    public async Task ReadAsync_StreamPastLimit_KeepsHeadAndTailOfWholeStream()
    {
        var text = string.Concat(Enumerable.Range(0, 2000).Select(i => (char)('a' + (i % 26))));

        var capture = await OutputCapture.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), 10, CancellationToken.None);

        capture.Truncated.Should().BeTrue();
        capture.Text.Should().Be(text[..10]);
        capture.Tail.Should().Be(text[^1024..]);
    }

    [Fact]
    public async Task ReadAsync_LimitCutsMultiByteCharacter_DropsThePartialCharacter()
    {
        // "aé" is 3 bytes: a limit of 2 keeps 'a' and the first byte of 'é'.
        var capture = await OutputCapture.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes("aéz")), 2, CancellationToken.None);

        capture.Text.Should().Be("a");
    }

    [Fact]
    public async Task ReadAsync_TailStartsInsideMultiByteCharacter_SkipsTheBrokenStart()
    {
        var text = "é" + new string('x', 1023);

        var capture = await OutputCapture.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), 1, CancellationToken.None);

        capture.Tail.Should().Be(new string('x', 1023));
    }

    [Fact]
    public async Task ReadAsync_ManySmallReads_TailIsTheLastKib()
    {
        var text = string.Concat(Enumerable.Range(0, 500).Select(i => $"{i:D4}\n"));

        var capture = await OutputCapture.ReadAsync(new TrickleStream(Encoding.UTF8.GetBytes(text), 7), 50, CancellationToken.None);

        capture.Tail.Should().Be(text[^1024..]);
        capture.Text.Should().Be(text[..50]);
    }

    /// <summary>Returns at most a few bytes per read, as a pipe does when the writer is slow.</summary>
    private sealed class TrickleStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            => base.ReadAsync(buffer[..Math.Min(chunk, buffer.Length)], cancellationToken);
    }
}
