-- wrk script: each request submits a new outreach request (the body comes from $SUBMIT_BODY).
wrk.method = "POST"
wrk.body = os.getenv("SUBMIT_BODY")
wrk.headers["Content-Type"] = "application/json"
