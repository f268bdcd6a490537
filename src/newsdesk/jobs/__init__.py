"""Background work shared by ``newsdesk worker`` processes, on PostgreSQL with procrastinate.

Any number of workers, on one machine or several, take jobs from procrastinate's tables in
the same database as the archive (``FOR UPDATE SKIP LOCKED``: a job is taken by one worker
only). ``queue`` opens the queue and installs its schema; ``tasks`` holds the jobs
(collection of one source, a batch of processing, the schedule that defers collection of
the sources that are due); ``worker`` runs a worker with the recovery of jobs that a killed
worker held.
"""
