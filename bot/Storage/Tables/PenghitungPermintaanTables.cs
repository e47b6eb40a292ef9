using Azure.Core;
using Azure.Core.Pipeline;

namespace KinerjaBot.Storage.Tables;

/// <summary>
/// Counts the HTTP requests the Azure Tables adapters send (a policy in the SDK's pipeline, once per attempt, so a
/// retry counts too). The key design promises one request per partition needed, never one per row: the benchmark and
/// a test read <see cref="Jumlah"/> around an operation (docs/benchmarks.md). Counting is one interlocked increment.
/// </summary>
public sealed class PenghitungPermintaanTables : HttpPipelineSynchronousPolicy
{
    private long _jumlah;

    /// <summary>Requests sent since the host started.</summary>
    public long Jumlah => Interlocked.Read(ref _jumlah);

    public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref _jumlah);
}
