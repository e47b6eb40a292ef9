using Azure.Core;
using Azure.Core.Pipeline;

namespace KinerjaBot.Tests.Storage;

/// <summary>
/// A pipeline policy for the Azure Tables clients (registered in DI, picked up by <c>TableStorage</c>) that runs another
/// writer once, just before the first request matching <c>cocok</c> is sent: a deterministic race between an
/// adapter's read (and its ETag) and its conditional write, so the 412 path is exercised on every run.
/// </summary>
public sealed class PenulisDiAntaraPermintaan(Func<Request, bool> cocok, Func<Task> penulis) : HttpPipelinePolicy
{
    private int _terjadi;

    public bool Aktif { get; set; }

    public int Terjadi => _terjadi;

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        if (Aktif && cocok(message.Request) && Interlocked.Increment(ref _terjadi) == 1)
        {
            await penulis();
        }

        await ProcessNextAsync(message, pipeline);
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();
}
