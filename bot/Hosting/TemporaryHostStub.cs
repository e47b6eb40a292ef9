using KinerjaBot.Storage;

namespace KinerjaBot.Hosting;

/// <summary>TEMPORARY: stands in for the host engineer's AddKinerjaBot/UseKinerjaBot until the integrator merges.</summary>
public static class KinerjaBotHostExtensions
{
    public static WebApplicationBuilder AddKinerjaBot(this WebApplicationBuilder b)
    {
        b.Services.AddKinerjaStorage(b.Configuration);
        return b;
    }

    public static WebApplication UseKinerjaBot(this WebApplication a) => a;
}
