"""Teams of a network and their progress plans and final reports (issue 15): who may do what, the
sign-off flow, the manager's e-mails, exports, and the pages the network page routes to."""
