using Azure.Core;
using Azure.Core.Pipeline;

namespace KinerjaBot.Tests.Storage;

/// <summary>
/// A pipeline policy for a Tables store under test (registered in its DI as an <see cref="HttpPipelinePolicy"/>, which
/// <c>TableStorage</c> adds to every client): once <see cref="Aktif"/>, it runs another writer exactly once, just before
/// the first request that <paramref name="saat"/> picks is sent. The other writer (a second store on the same tables,
/// without this policy) then lands between the adapter's read and its conditional write — the race an ETag exists for,
/// made deterministic instead of left to timing.
/// </summary>
public sealed class PenulisDiAntara(Func<HttpMessage, bool> saat, Func<Task> penulis) : HttpPipelinePolicy
{
    private int _terjadi;

    public bool Aktif { get; set; }

    /// <summary>1 once the other writer ran (it runs once), else 0.</summary>
    public int Terjadi => _terjadi;

    /// <summary>An entity group transaction (<c>$batch</c>).</summary>
    public static bool Transaksi(HttpMessage m) => m.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal);

    /// <summary>A conditional write: a replace or merge carrying <c>If-Match</c> on an ETag read before (not <c>*</c>).</summary>
    public static bool TulisBersyarat(HttpMessage m) =>
        (m.Request.Method == RequestMethod.Put || m.Request.Method == RequestMethod.Patch || m.Request.Method.Method == "MERGE")
        && m.Request.Headers.TryGetValue("If-Match", out var etag) && etag != "*";

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        if (Aktif && saat(message) && Interlocked.CompareExchange(ref _terjadi, 1, 0) == 0)
        {
            await penulis();
        }

        await ProcessNextAsync(message, pipeline);
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();
}
