using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.Primitives;
using OneStop.Web.Shared.Web;

namespace OneStop.Tests.Shared;

/// <summary>The fallback reads the endpoints once, not on every unknown request, and again after they change.</summary>
public sealed class ApiFallbackTests
{
    [Fact]
    public void The_endpoints_are_read_once_for_many_answers_and_again_after_they_change()
    {
        using var endpoints = new ChangingEndpoints();
        endpoints.Add("/api/things/{id:int}", "GET");
        var fallback = new ApiFallback(endpoints);

        Assert.Equal(StatusCodes.Status405MethodNotAllowed, Status(fallback, "DELETE", "/api/things/1"));
        Assert.Equal(StatusCodes.Status404NotFound, Status(fallback, "DELETE", "/api/others"));
        Assert.Equal(StatusCodes.Status404NotFound, Status(fallback, "GET", "/api/things/abc"));
        Assert.Equal(1, endpoints.Reads);

        endpoints.Add("/api/others", "POST");
        Assert.Equal(StatusCodes.Status405MethodNotAllowed, Status(fallback, "DELETE", "/api/others"));
        Assert.Equal(StatusCodes.Status405MethodNotAllowed, Status(fallback, "DELETE", "/api/things/1"));
        Assert.Equal(2, endpoints.Reads);
    }

    private static int? Status(ApiFallback fallback, string method, string path)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;
        return Assert.IsAssignableFrom<IStatusCodeHttpResult>(fallback.Answer(context)).StatusCode;
    }

    private sealed class ChangingEndpoints : EndpointDataSource, IDisposable
    {
        private readonly List<Endpoint> _endpoints = [];
        private CancellationTokenSource _changed = new();

        public int Reads { get; private set; }

        public override IReadOnlyList<Endpoint> Endpoints
        {
            get
            {
                Reads++;
                return [.. _endpoints];
            }
        }

        public override IChangeToken GetChangeToken() => new CancellationChangeToken(_changed.Token);

        public void Add(string pattern, string method)
        {
            _endpoints.Add(new RouteEndpoint(
                _ => Task.CompletedTask, RoutePatternFactory.Parse(pattern), 0, new EndpointMetadataCollection(new HttpMethodMetadata([method])), pattern));
            var previous = _changed;
            _changed = new CancellationTokenSource();
            previous.Cancel();
            previous.Dispose();
        }

        public void Dispose() => _changed.Dispose();
    }
}
